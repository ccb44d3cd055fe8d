import type { DomainInput } from "../../library.js";

export const productSpecDomain = {
  id: "product_spec",
  title: "Product spec",
  description: "Product requirements documents, user stories, feature specs and acceptance criteria.",
  keywords: [
    "prd",
    "product requirements",
    "spec",
    "feature",
    "user stories",
    "acceptance criteria",
    "requirements",
    "roadmap",
    "product manager",
    "mvp",
  ],
  exemplars: [
    {
      intent: "write a PRD for a dark mode feature",
      capabilities: [
        { id: "audience", options: ["Engineers", "Designers", "Stakeholders"] },
        { id: "must_include", options: ["Success metrics", "Out of scope", "Edge cases"] },
        { id: "format", options: ["Full PRD", "One-pager"] },
      ],
      prompt:
        "Role: You are a senior product manager who writes specs engineers love.\nTask: Write a PRD for {{feature}} in {{product}}.\nContext: User problem: {{problem}}. Evidence: {{evidence}}. Constraints: {{constraints}}.\nRequirements:\n- Problem, goals and non-goals, user stories with acceptance criteria (Given/When/Then).\n- Success metrics with a baseline and a target.\n- Edge cases, dependencies, open questions, out of scope.\nFormat: Markdown with H2 sections.\nConstraints: no solution details engineers should decide; every requirement testable.",
    },
    {
      intent: "user stories for a checkout flow",
      capabilities: [
        { id: "format", options: ["Stories with acceptance criteria", "Story map"] },
        { id: "context", options: ["User types", "Payment methods", "Platform"] },
        { id: "length", options: ["5-8 stories", "Full backlog"] },
      ],
      prompt:
        'Role: You are an agile product owner.\nTask: Write user stories for {{flow}} for {{user_types}}.\nContext: Platform: {{platform}}. Payment methods: {{payment_methods}}.\nRequirements:\n- "As a... I want... so that..." format.\n- 3-5 acceptance criteria per story in Given/When/Then.\n- Include error and accessibility stories, not only the happy path.\nFormat: numbered stories with criteria.\nConstraints: each story small enough for one sprint.',
    },
  ],
} satisfies DomainInput;
