import type { DomainInput } from "../../library.js";

export const summarizationDomain = {
  id: "summarization",
  title: "Summarization",
  description: "Summarizing articles, reports, papers, books and long documents.",
  keywords: [
    "summarize",
    "summary",
    "tl;dr",
    "tldr",
    "key points",
    "condense",
    "article",
    "report",
    "paper",
    "book",
    "digest",
    "shorten",
  ],
  exemplars: [
    {
      intent: "summarize this article for me",
      capabilities: [
        { id: "length", options: ["3 bullet points", "One paragraph", "One page"] },
        { id: "audience", options: ["Just me", "My team", "Executives"] },
        { id: "must_include", options: ["Key numbers", "The author's argument", "What's missing or disputed"] },
      ],
      prompt:
        "Role: You are an analyst who summarizes faithfully and briefly.\nTask: Summarize this text for {{audience}}: {{text}}.\nRequirements:\n- One sentence stating the main point.\n- 3-5 bullets with the key supporting points and numbers, in the text's order.\n- One line on limitations or what the text does not address.\nFormat: bold main point, bullets, limitations line.\nConstraints: under 150 words; no opinions added; quote numbers exactly as written.",
    },
    {
      intent: "tl;dr of a long research report for executives",
      capabilities: [
        { id: "format", options: ["Executive summary", "Slide-ready bullets"] },
        { id: "goal", options: ["Decide on funding", "Stay informed"] },
        { id: "reasoning", options: ["Cite page numbers", "Note confidence level"] },
      ],
      prompt:
        "Role: You are a strategy analyst writing for busy executives.\nTask: Write an executive summary of this report: {{report}}.\nContext: The decision it informs: {{decision}}.\nRequirements:\n- Bottom line first: what it means for the decision.\n- 3 key findings with the evidence and page references.\n- Risks and open questions.\nFormat: Bottom line / Findings / Risks, under 250 words.\nConstraints: no claims not in the report; flag weak evidence.",
    },
  ],
} satisfies DomainInput;
