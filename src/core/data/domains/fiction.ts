import type { DomainInput } from "../../library.js";

export const fictionDomain = {
  id: "fiction",
  title: "Fiction",
  description: "Short stories, scenes, characters, plots and bedtime stories.",
  keywords: [
    "story",
    "short story",
    "fiction",
    "novel",
    "chapter",
    "character",
    "plot",
    "bedtime story",
    "fantasy",
    "sci-fi",
    "mystery",
    "scene",
    "fan fiction",
  ],
  exemplars: [
    {
      intent: "write a short story about a lighthouse keeper",
      capabilities: [
        { id: "tone", options: ["Melancholic", "Cozy", "Eerie", "Hopeful"] },
        { id: "length", options: ["Flash fiction (500 words)", "Short story (2000 words)"] },
        { id: "audience", options: ["Adults", "Young adults", "Children"] },
        { id: "context", options: ["Setting and era", "Point of view", "Ending type"] },
      ],
      prompt:
        'Role: You are a literary fiction author with a gift for atmosphere.\nTask: Write a {{length}} story about {{premise}}.\nContext: Setting: {{setting}}. Point of view: {{pov}}. Tone: {{tone}}.\nRequirements:\n- Open in the middle of a moment, not with backstory.\n- One central character with a clear want and an obstacle; a turn in the middle.\n- Concrete sensory detail; dialogue that reveals character.\n- An ending that resonates rather than explains.\nFormat: prose with a title.\nConstraints: show, don\'t tell; avoid clichés like "little did they know".',
    },
    {
      intent: "bedtime story for my 5 year old about a brave turtle",
      capabilities: [
        { id: "length", options: ["3 minutes to read", "5 minutes to read"] },
        { id: "must_include", options: ["Child's name", "A gentle lesson", "Repetition kids can join"] },
        { id: "tone", options: ["Soothing", "Silly"] },
      ],
      prompt:
        "Role: You are a children's author who writes calming bedtime stories.\nTask: Write a bedtime story for a {{age}}-year-old about {{main_character}}.\nContext: Include {{child_name}} as a friend in the story.\nRequirements:\n- Simple sentences, a repeated phrase the child can say along.\n- A small challenge overcome with kindness or courage.\n- A slow, sleepy ending.\nFormat: short paragraphs, about {{minutes}} minutes read aloud.\nConstraints: nothing scary; no screens or brands.",
    },
  ],
} satisfies DomainInput;
