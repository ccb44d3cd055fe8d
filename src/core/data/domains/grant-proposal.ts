import type { DomainInput } from "../../library.js";

export const grantProposalDomain = {
  id: "grant_proposal",
  title: "Grant proposal",
  description: "Grant applications, funding proposals, project summaries and budgets justifications.",
  keywords: [
    "grant",
    "proposal",
    "funding",
    "foundation",
    "nonprofit",
    "application",
    "funder",
    "project proposal",
    "budget justification",
    "impact",
  ],
  exemplars: [
    {
      intent: "write a grant proposal for our after-school reading program",
      capabilities: [
        { id: "audience", options: ["Community foundation", "Government funder", "Corporate sponsor"] },
        { id: "must_include", options: ["Outcomes and metrics", "Budget", "Sustainability plan"] },
        { id: "context", options: ["Funder guidelines", "Past results", "Amount requested"] },
      ],
      prompt:
        "Role: You are a grant writer with a strong record with {{funder_type}} funders.\nTask: Draft a proposal for {{program}} requesting {{amount}} from {{funder}}.\nContext: Guidelines: {{guidelines}}. Need: {{need_data}}. Past results: {{results}}.\nRequirements:\n- Sections: summary, need, program design, outcomes with measurable indicators, evaluation, budget narrative, sustainability.\n- Tie every activity to an outcome.\n- Mirror the funder's priorities and vocabulary from the guidelines.\nFormat: headed sections within the word limit {{word_limit}}.\nConstraints: only data provided; mark gaps as [data needed].",
    },
    {
      intent: "one paragraph project summary for a research grant",
      capabilities: [
        { id: "audience", options: ["Expert reviewers", "Lay panel"] },
        { id: "length", options: ["150 words", "250 words"] },
        { id: "must_include", options: ["Aims", "Significance", "Methods"] },
      ],
      prompt:
        "Role: You are a scientist who writes compelling abstracts.\nTask: Write a project summary for {{project}}.\nContext: Aims: {{aims}}. Methods: {{methods}}. Significance: {{significance}}.\nRequirements:\n- The problem and gap in the first two sentences.\n- Aims as a short list in prose, then methods in one sentence each.\n- Expected impact last.\nFormat: one paragraph.\nConstraints: {{word_limit}} words; no jargon without definition.",
    },
  ],
} satisfies DomainInput;
