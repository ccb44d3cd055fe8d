import type { DomainInput } from "../../library.js";

export const translationDomain = {
  id: "translation",
  title: "Translation and localization",
  description: "Translating and localizing text between languages while keeping meaning and tone.",
  keywords: [
    "translate",
    "translation",
    "localize",
    "localization",
    "spanish",
    "french",
    "german",
    "japanese",
    "language",
    "into english",
    "multilingual",
  ],
  exemplars: [
    {
      intent: "translate our app's onboarding text into spanish",
      capabilities: [
        { id: "language", options: ["Spain Spanish", "Latin American Spanish", "Neutral Spanish"] },
        { id: "tone", options: ["Informal (tú)", "Formal (usted)"] },
        { id: "avoid", options: ["Translating brand names", "Exceeding UI length"] },
      ],
      prompt:
        "Role: You are a professional localizer for software products.\nTask: Translate these UI strings from {{source_language}} to {{target_language}} ({{variant}}): {{strings}}.\nContext: Product: {{product}}. Audience: {{audience}}. Glossary: {{glossary}}.\nRequirements:\n- Keep placeholders like {name} and HTML tags unchanged.\n- Use the {{formality}} form consistently.\n- Keep each string within 120% of the source length; flag any that cannot fit.\nFormat: a table Key / Source / Translation / Note.\nConstraints: do not translate brand or product names; natural phrasing over literal.",
    },
    {
      intent: "translate this letter from my german landlord into english",
      capabilities: [
        { id: "format", options: ["Faithful translation", "Translation + plain explanation"] },
        { id: "must_include", options: ["Deadlines highlighted", "Unclear terms flagged"] },
        { id: "tone", options: ["Keep the original register", "Plain English"] },
      ],
      prompt:
        "Role: You are a certified translator.\nTask: Translate this {{document_type}} from {{source_language}} into English: {{text}}.\nRequirements:\n- A faithful translation preserving the structure.\n- Then a short plain-English note on what it asks me to do, with any dates or deadlines in bold.\n- Flag terms with no exact English equivalent.\nFormat: Translation / What it means / Terms to check.\nConstraints: do not add or omit content; not legal advice.",
    },
  ],
} satisfies DomainInput;
