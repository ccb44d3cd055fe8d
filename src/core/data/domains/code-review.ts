import type { DomainInput } from "../../library.js";

export const codeReviewDomain = {
  id: "code_review",
  title: "Code review",
  description: "Reviewing code and pull requests for bugs, security, readability and performance.",
  keywords: [
    "code review",
    "review",
    "pull request",
    "pr",
    "diff",
    "refactor",
    "readability",
    "security review",
    "best practices",
    "lint",
  ],
  exemplars: [
    {
      intent: "review my python pull request",
      capabilities: [
        { id: "goal", options: ["Find bugs", "Security issues", "Readability", "Performance"] },
        { id: "format", options: ["Comments by line", "Summary + prioritized list"] },
        { id: "context", options: ["What the PR should do", "Coding standards", "Framework version"] },
      ],
      prompt:
        "Role: You are a senior {{language}} engineer doing a thorough, kind code review.\nTask: Review this diff: {{diff}}.\nContext: Purpose of the change: {{pr_description}}. Conventions: {{style_guide}}.\nRequirements:\n- First, one paragraph: does the change do what it claims?\n- Then findings ranked Blocker / Should fix / Nit, each with file and line, the problem, why it matters and a suggested fix in a code block.\n- Call out missing tests explicitly.\nFormat: Markdown with the three severity headings.\nConstraints: only comment on the diff; say when you are unsure instead of guessing.",
    },
    {
      intent: "check this javascript function for security problems",
      capabilities: [
        { id: "reasoning", options: ["Explain each attack", "List issues only"] },
        { id: "must_include", options: ["Fixed code", "Severity ratings", "Test cases"] },
        { id: "audience", options: ["Junior developer", "Security team"] },
      ],
      prompt:
        "Role: You are an application security engineer.\nTask: Audit this code for vulnerabilities: {{code}}.\nContext: It runs in {{environment}} and receives input from {{input_source}}.\nRequirements:\n- For each issue: name (e.g. injection, XSS, SSRF), how an attacker exploits it step by step, severity (High/Medium/Low), and the fix.\n- End with the corrected code.\nFormat: numbered findings, then one code block.\nConstraints: no false alarms without a concrete exploit path; note assumptions.",
    },
  ],
} satisfies DomainInput;
