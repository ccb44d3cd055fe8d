import type { DomainInput } from "../../library.js";

export const technicalDocsDomain = {
  id: "technical_docs",
  title: "Technical documentation",
  description: "READMEs, API references, runbooks, architecture docs and user guides for software.",
  keywords: [
    "documentation",
    "docs",
    "readme",
    "api reference",
    "runbook",
    "guide",
    "manual",
    "architecture",
    "onboarding doc",
    "docstring",
    "changelog",
  ],
  exemplars: [
    {
      intent: "write a README for my open source library",
      capabilities: [
        { id: "audience", options: ["New users", "Contributors", "Both"] },
        { id: "must_include", options: ["Quick start", "Configuration table", "Examples", "License"] },
        { id: "format", options: ["Markdown README", "Short landing README + docs links"] },
      ],
      prompt:
        "Role: You are a technical writer who maintains documentation for popular open-source projects.\nTask: Write a README for {{project_name}}, a {{one_line_description}}.\nContext: Install command: {{install}}. Main API: {{api_summary}}. Config options: {{options}}.\nRequirements:\n- One paragraph on what it is and who it's for, then a quick start that works when copied.\n- A configuration table (name, meaning, default).\n- Two realistic examples, a troubleshooting section and the license.\nFormat: Markdown with H2 sections and fenced code blocks.\nConstraints: every command must match the provided information; no marketing superlatives.",
    },
    {
      intent: "runbook for restarting our payment service during an incident",
      capabilities: [
        { id: "audience", options: ["On-call engineer at 3am", "New team member"] },
        { id: "format", options: ["Numbered steps with commands", "Decision tree"] },
        { id: "must_include", options: ["Rollback steps", "Verification checks", "Escalation contacts"] },
      ],
      prompt:
        "Role: You are a site reliability engineer who writes runbooks for stressed on-call engineers.\nTask: Write a runbook for {{procedure}} of {{service}}.\nContext: Infrastructure: {{infrastructure}}. Dashboards: {{dashboards}}. Escalation: {{contacts}}.\nRequirements:\n- When to use this runbook (symptoms) and when not to.\n- Numbered steps, each with the exact command and the expected output.\n- A verification section and a rollback section.\nFormat: Markdown with code blocks for commands.\nConstraints: no step that loses data without an explicit warning; plain sentences.",
    },
  ],
} satisfies DomainInput;
