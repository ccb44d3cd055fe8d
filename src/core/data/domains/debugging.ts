import type { DomainInput } from "../../library.js";

export const debuggingDomain = {
  id: "debugging",
  title: "Debugging",
  description: "Diagnosing errors, stack traces, failing tests and unexpected behavior in software.",
  keywords: [
    "debug",
    "error",
    "bug",
    "stack trace",
    "exception",
    "crash",
    "fix",
    "failing",
    "traceback",
    "not working",
    "broken",
    "issue",
  ],
  exemplars: [
    {
      intent: "help me fix this error in my node app",
      capabilities: [
        { id: "context", options: ["Full error message", "Relevant code", "What changed recently"] },
        { id: "reasoning", options: ["Hypotheses ranked", "Step-by-step diagnosis"] },
        { id: "format", options: ["Fix + explanation", "Checklist of things to try"] },
      ],
      prompt:
        "Role: You are a senior engineer who debugs systematically.\nTask: Diagnose this error: {{error_message}}.\nContext: Code: {{code}}. Environment: {{runtime_and_versions}}. It started after: {{recent_change}}.\nRequirements:\n- Explain what the error means in one paragraph.\n- List the 3 most likely causes, ranked, each with how to confirm it (a command, a log line, a breakpoint).\n- Give the fix for the most likely cause as a code change.\nFormat: Meaning / Likely causes / Fix.\nConstraints: do not guess beyond the evidence; ask for the specific missing information if needed.",
    },
    {
      intent: "my test passes locally but fails in CI",
      capabilities: [
        { id: "context", options: ["CI logs", "Test code", "CI config"] },
        { id: "reasoning", options: ["Check environment differences", "Check timing and order"] },
        { id: "format", options: ["Investigation plan", "Direct answer"] },
      ],
      prompt:
        'Role: You are a build and CI specialist.\nTask: Find why {{test_name}} passes locally but fails in CI.\nContext: CI log: {{ci_log}}. Test code: {{test_code}}. CI config: {{ci_config}}.\nRequirements:\n- Compare the two environments: versions, env variables, timezone, file system case, parallelism, network.\n- Name the difference that best explains the log, with evidence.\n- Propose a fix that makes the test deterministic, not a retry.\nFormat: numbered investigation steps, then the fix.\nConstraints: no "just rerun it"; keep the test meaningful.',
    },
  ],
} satisfies DomainInput;
