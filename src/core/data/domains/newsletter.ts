import type { DomainInput } from "../../library.js";

export const newsletterDomain = {
  id: "newsletter",
  title: "Newsletter",
  description: "Email newsletters and digests for customers, members, employees or subscribers.",
  keywords: ["newsletter", "digest", "subscribers", "monthly update", "mailing list", "bulletin", "roundup", "members"],
  exemplars: [
    {
      intent: "monthly newsletter for our gym members",
      capabilities: [
        { id: "must_include", options: ["New classes", "Member spotlight", "Schedule changes"] },
        { id: "tone", options: ["Energetic", "Friendly and calm", "Informative"] },
        { id: "length", options: ["Skimmable, 300 words", "Full, 600 words"] },
      ],
      prompt:
        "Role: You are the community manager of {{organization}} and write newsletters people actually open.\nTask: Write the {{month}} newsletter.\nContext: News: {{news_items}}. Dates: {{dates}}.\nRequirements:\n- A subject line under 50 characters and a preview line.\n- A 2-sentence opener with the single most important item.\n- Sections with bold headings, each under 60 words.\n- One clear call to action at the end.\nFormat: email-ready plain text with bold section headings.\nConstraints: about 300 words; no more than 2 exclamation marks in total.",
    },
    {
      intent: "weekly internal newsletter summarizing engineering updates",
      capabilities: [
        { id: "audience", options: ["Whole company", "Engineering only", "Leadership"] },
        { id: "format", options: ["Bullets by team", "Highlights then details"] },
        { id: "avoid", options: ["Jargon", "Blame", "Ticket numbers"] },
      ],
      prompt:
        "Role: You are an engineering manager writing for a non-technical company audience.\nTask: Turn these raw updates into this week's engineering newsletter: {{raw_updates}}.\nRequirements:\n- Start with 3 highlights that matter to customers or revenue.\n- Then one bullet per team: what shipped, what's next.\n- Translate technical terms into outcomes.\nFormat: headline, 3 highlight bullets, team sections.\nConstraints: under 400 words; no ticket numbers; no blame.",
    },
  ],
} satisfies DomainInput;
