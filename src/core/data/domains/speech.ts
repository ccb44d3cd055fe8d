import type { DomainInput } from "../../library.js";

export const speechDomain = {
  id: "speech",
  title: "Speech and toast",
  description: "Speeches, toasts, eulogies, keynotes and talks meant to be spoken aloud.",
  keywords: [
    "speech",
    "toast",
    "wedding",
    "best man",
    "maid of honor",
    "eulogy",
    "keynote",
    "talk",
    "graduation",
    "retirement",
    "spoken",
  ],
  exemplars: [
    {
      intent: "best man speech for my brother's wedding",
      capabilities: [
        { id: "tone", options: ["Funny then heartfelt", "Mostly sentimental", "Light and short"] },
        { id: "length", options: ["2 minutes", "4 minutes"] },
        { id: "context", options: ["A story about the groom", "How the couple met", "Family details"] },
        { id: "avoid", options: ["Ex-partners", "Inside jokes", "Embarrassing stories"] },
      ],
      prompt:
        "Role: You are a speechwriter who writes wedding toasts that land with every generation in the room.\nTask: Write a best man speech for {{groom_name}} and {{partner_name}}.\nContext: Stories: {{stories}}. How they met: {{how_they_met}}.\nRequirements:\n- Open with a short line that introduces me and gets a smile.\n- One funny story, then a turn to sincerity about the couple.\n- End with a toast the room can repeat.\nFormat: written to be spoken: short sentences, marked pauses [pause].\nConstraints: about 3 minutes (400 words); no mention of exes; nothing a grandparent would wince at.",
    },
    {
      intent: "a 10 minute talk for a local meetup about learning to code",
      capabilities: [
        { id: "audience", options: ["Beginners", "Mixed levels", "Career changers"] },
        { id: "goal", options: ["Inspire", "Teach one technique", "Share a journey"] },
        { id: "format", options: ["Full script", "Outline with talking points"] },
      ],
      prompt:
        "Role: You are an experienced conference speaker coaching a first-time presenter.\nTask: Write a 10-minute talk on {{topic}} for {{audience}}.\nRequirements:\n- A personal opening story in under a minute.\n- Three key points, each with an example and a transition line.\n- A closing with one action the audience can take tonight.\nFormat: script with section headings and approximate timings.\nConstraints: about 1300 words; conversational; no slides required to follow it.",
    },
  ],
} satisfies DomainInput;
