import type { DomainInput } from "../../library.js";

export const codeGenerationDomain = {
  id: "code_generation",
  title: "Code generation",
  description: "Writing functions, scripts, components and small programs.",
  keywords: [
    "code",
    "function",
    "script",
    "program",
    "python",
    "javascript",
    "typescript",
    "api",
    "component",
    "implement",
    "class",
    "regex",
    "bash",
    "automate",
  ],
  exemplars: [
    {
      intent: "write a python script that renames files in a folder by date",
      capabilities: [
        { id: "context", options: ["Python version", "Operating system", "File naming pattern"] },
        { id: "must_include", options: ["Dry-run mode", "Error handling", "Tests"] },
        { id: "format", options: ["Single file", "Code + explanation"] },
      ],
      prompt:
        "Role: You are a careful senior {{language}} developer.\nTask: Write a script that {{task_description}}.\nContext: Runtime: {{runtime_version}} on {{os}}. Input example: {{example_input}}. Expected output: {{example_output}}.\nRequirements:\n- Standard library only unless stated otherwise.\n- A --dry-run flag that prints what would change.\n- Clear errors for missing paths and permission problems; never overwrite existing files silently.\n- Docstrings and type hints.\nFormat: one code block, then a 3-line usage example.\nConstraints: no destructive action without confirmation.",
    },
    {
      intent: "react component for a searchable dropdown",
      capabilities: [
        { id: "context", options: ["React version", "Styling approach", "TypeScript or not"] },
        { id: "must_include", options: ["Keyboard navigation", "Accessibility", "Unit tests"] },
        { id: "avoid", options: ["Extra libraries", "Class components"] },
      ],
      prompt:
        "Role: You are a front-end engineer who writes accessible, typed components.\nTask: Build a {{component}} in React {{react_version}} with TypeScript.\nRequirements:\n- Props interface documented; controlled and uncontrolled use.\n- Full keyboard support (arrows, Enter, Escape) and ARIA roles per WAI-ARIA practices.\n- Styling with {{styling}}.\n- A short test file covering filtering and keyboard selection.\nFormat: component file, then test file, each in its own code block.\nConstraints: no third-party UI libraries; function components and hooks only.",
    },
  ],
} satisfies DomainInput;
