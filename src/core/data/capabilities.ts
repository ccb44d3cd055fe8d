/**
 * The capability catalog (design.md): the dimensions of an answer a tailored prompt must control.
 * Data, validated at start-up by loadLibrary().
 */
import type { CapabilityDefinition } from "../library.js";

export const capabilityCatalog = [
  {
    id: "goal",
    label: "Goal",
    description: "What the answer must achieve for the user: the outcome, not the topic.",
    whyItMatters:
      "A model that knows the outcome (a booked meeting, a passed exam) optimizes for it instead of for sounding good.",
    question: "What should this achieve?",
    options: ["Inform", "Persuade", "Get a reply or decision", "Teach a skill"],
  },
  {
    id: "audience",
    label: "Audience",
    description: "Who will read or use the answer, and what they already know.",
    whyItMatters: "Vocabulary, depth and what can be left unsaid all depend on the reader.",
    question: "Who is it for?",
    options: ["Experts in the field", "Colleagues", "Customers", "Complete beginners"],
  },
  {
    id: "role",
    label: "Role",
    description: "The persona the target model takes while answering.",
    whyItMatters:
      "A concrete role (a senior editor, a patient tutor) brings the right judgment and conventions with it.",
    question: "Whose voice should the model write in?",
    options: ["A domain expert", "A friendly coach", "A neutral assistant"],
  },
  {
    id: "format",
    label: "Format",
    description: "The shape of the answer: prose, bullet list, table, code, email, outline.",
    whyItMatters:
      "Small models follow an explicit format far better than an implied one, and the result drops into place.",
    question: "What shape should the answer take?",
    options: ["Short paragraphs", "Bullet points", "A table", "Step-by-step list"],
  },
  {
    id: "length",
    label: "Length",
    description: "How long the answer should be, in words, sentences or items.",
    whyItMatters: "Without a bound, small models either ramble or stop short.",
    question: "How long should it be?",
    options: ["Very short (under 100 words)", "Medium (about 300 words)", "Long and thorough"],
  },
  {
    id: "tone",
    label: "Tone",
    description: "How the answer sounds: formal, warm, playful, direct, neutral.",
    whyItMatters: "The right content in the wrong tone fails with its reader.",
    question: "Which tone fits?",
    options: ["Formal", "Warm and friendly", "Direct and concise", "Playful"],
  },
  {
    id: "language",
    label: "Language",
    description: "The language, variety and register of the answer.",
    whyItMatters: "Models default to generic English unless told otherwise.",
    question: "Which language should it be in?",
    options: ["English", "Same language as my input", "Another language (say which)"],
  },
  {
    id: "context",
    label: "Context",
    description: "Facts the model needs and cannot guess: the situation, the product, the people, the numbers.",
    whyItMatters: "Missing facts are the first cause of generic or invented answers.",
    question: "What facts should the model know?",
    options: ["I'll paste the details when I use it", "No extra context needed"],
  },
  {
    id: "must_include",
    label: "Must include",
    description: "Points, items or sections the answer has to contain.",
    whyItMatters: "What must be there is the easiest thing for a model to forget and the costliest for the user.",
    question: "Is there anything it must include?",
    options: ["A clear call to action", "Specific numbers or facts", "A summary at the end"],
  },
  {
    id: "avoid",
    label: "Avoid",
    description: "Constraints: topics, words, claims or styles the answer must stay away from.",
    whyItMatters: "Stating what to avoid prevents the clichés, overclaims and risks the user would have to edit out.",
    question: "Anything it must avoid?",
    options: ["Jargon", "Clichés and filler", "Overpromising", "Nothing in particular"],
  },
  {
    id: "examples",
    label: "Examples",
    description: "Samples of the desired output, or whether the answer itself should contain examples.",
    whyItMatters: "One good example conveys style and level better than a paragraph of instructions.",
    question: "Should examples be involved?",
    options: ["Include examples in the answer", "I'll provide a sample to imitate", "No examples"],
  },
  {
    id: "reasoning",
    label: "Reasoning",
    description: "How the model should think: step by step, show its work, cite sources, state uncertainty.",
    whyItMatters: "Small models are more accurate when asked to reason explicitly and to flag what they are unsure of.",
    question: "How should the model reason?",
    options: ["Step by step, shown", "Just the answer", "Cite sources and flag uncertainty"],
  },
] satisfies CapabilityDefinition[];
