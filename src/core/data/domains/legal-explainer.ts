import type { DomainInput } from "../../library.js";

export const legalExplainerDomain = {
  id: "legal_explainer",
  title: "Legal explainer",
  description: "Explaining contracts, terms, rights and legal concepts in plain language.",
  keywords: [
    "legal",
    "law",
    "contract",
    "lease",
    "clause",
    "terms",
    "rights",
    "lawyer",
    "nda",
    "tenant",
    "landlord",
    "gdpr",
    "agreement",
  ],
  safety:
    "General information, not legal advice: laws vary by jurisdiction; recommend a qualified lawyer for decisions; never draft filings as final.",
  exemplars: [
    {
      intent: "explain this clause in my apartment lease",
      capabilities: [
        { id: "context", options: ["The clause text", "Country or state", "My situation"] },
        { id: "audience", options: ["No legal background", "Some familiarity"] },
        { id: "must_include", options: ["What it means for me", "Questions to ask the landlord", "Red flags"] },
      ],
      prompt:
        "Role: You are a legal educator who explains documents in plain language (not a lawyer giving advice).\nTask: Explain this clause from a {{document_type}}: {{clause_text}}.\nContext: Jurisdiction: {{jurisdiction}}. My situation: {{situation}}.\nRequirements:\n- A plain-language restatement in 2-3 sentences.\n- What it typically means in practice, with one example.\n- Points that are unusual or worth questioning, and questions to ask the other party.\nFormat: sections What it says / What it means / Watch out for / Questions to ask.\nConstraints: say clearly this is general information, not legal advice; recommend a qualified lawyer in {{jurisdiction}} for decisions; do not state how a court would rule.",
    },
    {
      intent: "what does GDPR mean for my small online shop",
      capabilities: [
        { id: "audience", options: ["Small business owner", "Developer"] },
        { id: "format", options: ["Checklist", "Short explainer"] },
        { id: "reasoning", options: ["Cite the articles", "Keep it practical"] },
      ],
      prompt:
        "Role: You are a compliance educator for small businesses.\nTask: Explain what {{regulation}} requires of {{business_type}}.\nContext: Data we collect: {{data_collected}}. Tools we use: {{tools}}.\nRequirements:\n- The 5-7 obligations that apply, each with a one-line practical action.\n- Cite the relevant article for each obligation.\n- Common mistakes small businesses make.\nFormat: checklist with article references.\nConstraints: general information, not legal advice; suggest a data-protection professional for specifics; flag uncertain points.",
    },
  ],
} satisfies DomainInput;
