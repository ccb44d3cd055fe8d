import type { DomainInput } from "../../library.js";

export const personalMessageDomain = {
  id: "personal_message",
  title: "Personal message",
  description: "Apologies, thank-you notes, condolences, congratulations and other personal messages.",
  keywords: [
    "apology",
    "apologize",
    "sorry",
    "thank you",
    "thank-you note",
    "condolences",
    "sympathy",
    "congratulations",
    "card",
    "message to a friend",
    "letter",
  ],
  exemplars: [
    {
      intent: "apologize to a friend for missing her birthday",
      capabilities: [
        { id: "tone", options: ["Heartfelt", "Light but sincere"] },
        { id: "format", options: ["Text message", "Handwritten card", "Voice message script"] },
        { id: "must_include", options: ["A make-up plan", "No excuses", "Something personal"] },
      ],
      prompt:
        'Role: You help people say hard or tender things well.\nTask: Write an apology to {{name}} for {{what_happened}}.\nContext: Our relationship: {{relationship}}. What I want to offer: {{make_up_plan}}.\nRequirements:\n- Own the mistake in the first sentence, without excuses.\n- Acknowledge how it may have felt for her.\n- Offer the make-up plan concretely.\nFormat: a {{medium}}.\nConstraints: under 80 words; no "but" after the apology.',
    },
    {
      intent: "condolence message for a coworker who lost his father",
      capabilities: [
        { id: "audience", options: ["Close coworker", "Someone I barely know"] },
        { id: "length", options: ["Two sentences", "Short card"] },
        { id: "avoid", options: ["Religious references", "Clichés", "Asking questions"] },
      ],
      prompt:
        'Role: You write sympathy notes that are warm and appropriate.\nTask: Write a condolence message to {{name}} on the loss of {{relation}}.\nContext: How I know them: {{relationship}}. A memory, if any: {{memory}}.\nRequirements:\n- Express sympathy simply; include the memory if given.\n- Offer one specific, practical form of support.\nFormat: card message.\nConstraints: under 60 words; no "everything happens for a reason"; no religious language unless I ask.',
    },
  ],
} satisfies DomainInput;
