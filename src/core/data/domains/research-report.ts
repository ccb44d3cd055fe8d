import type { DomainInput } from "../../library.js";

export const researchReportDomain = {
  id: "research_report",
  title: "Research report",
  description: "Research overviews, literature reviews, market research and competitive analysis.",
  keywords: [
    "research",
    "report",
    "literature review",
    "market research",
    "competitive analysis",
    "competitors",
    "whitepaper",
    "sources",
    "findings",
    "study",
  ],
  exemplars: [
    {
      intent: "competitive analysis of project management tools",
      capabilities: [
        { id: "context", options: ["Competitors to include", "Our product", "Criteria"] },
        { id: "format", options: ["Comparison table", "Report with sections"] },
        { id: "reasoning", options: ["Cite sources", "Flag uncertainty"] },
      ],
      prompt:
        "Role: You are a market research analyst.\nTask: Compare {{competitors}} against {{our_product}} for {{target_segment}}.\nContext: Criteria: {{criteria}}. Known facts: {{facts}}.\nRequirements:\n- A comparison table on each criterion.\n- Strengths and weaknesses of each competitor, and gaps we could own.\n- Mark every claim as from the provided facts or as needing verification.\nFormat: table, then sections per competitor, then opportunities.\nConstraints: no invented prices or features; state the date of the information.",
    },
    {
      intent: "literature review on sleep and memory",
      capabilities: [
        { id: "audience", options: ["Academic", "General educated reader"] },
        { id: "reasoning", options: ["Cite studies", "Note strength of evidence"] },
        { id: "length", options: ["1 page", "3 pages"] },
      ],
      prompt:
        "Role: You are a researcher writing a balanced literature review.\nTask: Review the research on {{topic}} using these sources: {{sources}}.\nRequirements:\n- Organize by theme, not by paper.\n- For each theme: what the evidence shows, how strong it is (study types, sample sizes), and disagreements.\n- Gaps and directions for future research.\nFormat: sections with in-text citations (Author, Year) and a reference list.\nConstraints: cite only the provided sources; never fabricate citations.",
    },
  ],
} satisfies DomainInput;
