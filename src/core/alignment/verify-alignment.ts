/**
 * The alignment check (design.md): every pinned value must appear in the prompt, compared
 * case-insensitively with whitespace normalized. A missing value is added back under the prompt's
 * requirements, and reported.
 */
import type { CapabilityState } from "../conversation.js";
import { normalize } from "../model-calls/clean-text.js";

export interface AlignmentResult {
  prompt: string;
  /** `capability: value` for every pinned value that had to be added back. */
  repaired: string[];
}

const REQUIREMENTS_HEADING = /^\s*(#+\s*)?\**requirements\**\s*:?\s*$/im;

export function verifyAlignment(prompt: string, capabilities: readonly CapabilityState[]): AlignmentResult {
  const haystack = normalize(prompt);
  const missing = capabilities.filter(
    (c) => c.status === "pinned" && c.value && !haystack.includes(normalize(c.value)),
  );
  if (missing.length === 0) return { prompt, repaired: [] };
  const repaired = missing.map((c) => `${c.id}: ${c.value}`);
  const bullets = repaired.map((r) => `- ${r}`).join("\n");
  const heading = REQUIREMENTS_HEADING.exec(prompt);
  const fixed = heading
    ? `${prompt.slice(0, heading.index + heading[0].length)}\n${bullets}${prompt.slice(heading.index + heading[0].length)}`
    : `${prompt.trimEnd()}\n\nRequirements:\n${bullets}`;
  return { prompt: fixed, repaired };
}
