import type { DomainInput } from "../../library.js";

export const studyGuideDomain = {
  id: "study_guide",
  title: "Study guide and tutoring",
  description: "Explaining concepts, study guides, flashcards, quizzes and exam preparation for learners.",
  keywords: [
    "explain",
    "study",
    "exam",
    "quiz",
    "flashcards",
    "revision",
    "homework",
    "tutor",
    "concept",
    "understand",
    "learn",
    "test prep",
  ],
  exemplars: [
    {
      intent: "explain quantum entanglement simply",
      capabilities: [
        { id: "audience", options: ["A 12-year-old", "High school student", "Curious adult"] },
        { id: "format", options: ["Short explanation", "Explanation + analogy + quiz"] },
        { id: "reasoning", options: ["Step by step", "Analogy first", "Flag common misconceptions"] },
      ],
      prompt:
        "Role: You are a patient tutor who explains hard ideas without dumbing them down.\nTask: Explain {{concept}} to {{audience}}.\nRequirements:\n- Start from something the learner already knows.\n- Build the idea in 3-5 small steps; one everyday analogy, and say where it stops being accurate.\n- Address the most common misconception.\n- End with 3 check-your-understanding questions, answers at the end.\nFormat: short paragraphs with bold key terms.\nConstraints: under 400 words; no equations unless asked.",
    },
    {
      intent: "make flashcards for my biology exam on cell division",
      capabilities: [
        { id: "format", options: ["Q/A flashcards", "Cloze deletions", "Anki import format"] },
        { id: "length", options: ["20 cards", "50 cards"] },
        { id: "context", options: ["My lecture notes", "Textbook chapter", "Exam syllabus"] },
      ],
      prompt:
        "Role: You are a study coach who writes flashcards following spaced-repetition best practice.\nTask: Create {{number}} flashcards on {{topic}} from this material: {{notes}}.\nRequirements:\n- One fact per card; questions that require recall, not recognition.\n- Cover definitions, processes in order, and comparisons.\n- Add 3 cards on likely exam traps.\nFormat: Front;Back one card per line (Anki-importable).\nConstraints: answers under 20 words; only facts found in the material.",
    },
  ],
} satisfies DomainInput;
