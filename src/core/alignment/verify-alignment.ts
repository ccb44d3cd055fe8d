/**
 * The alignment check (design.md): every pinned value must appear in the prompt, compared
 * case-insensitively with whitespace normalized. A missing value is added back as a readable line
 * ("Avoid: jargon") in the section where it belongs (facts under Context, limits under
 * Constraints, the rest under Requirements), and reported.
 */
import type { CapabilityId, CapabilityState } from "../conversation.js";
import { normalize } from "../model-calls/clean-text.js";

export interface AlignmentResult {
  prompt: string;
  /** The lines added back, as the user reads them ("Avoid: jargon"). */
  repaired: string[];
}

const LABELS: Record<CapabilityId, string> = {
  goal: "Goal",
  audience: "Audience",
  role: "Role",
  format: "Format",
  length: "Length",
  tone: "Tone",
  language: "Language",
  context: "Context",
  must_include: "Include",
  avoid: "Avoid",
  examples: "Examples",
  reasoning: "Reasoning",
};

type Section = "Context" | "Constraints" | "Requirements";
const sectionOf = (id: CapabilityId): Section =>
  id === "context" ? "Context" : id === "avoid" || id === "length" ? "Constraints" : "Requirements";

/** A section heading in the common Markdown forms: `Requirements:`, `## Requirements`, `**Requirements:**`, `4. Requirements`. */
const headingPattern = (name: string) =>
  new RegExp(
    `^[ \\t]*(?:#{1,6}[ \\t]*|\\d+[.)][ \\t]*)?(?:\\*\\*|__)?${name}(?:\\*\\*|__)?[ \\t]*[:\\-–]?(?:\\*\\*|__)?.*$`,
    "im",
  );

export const repairLine = (c: Pick<CapabilityState, "id" | "value">): string => `${LABELS[c.id]}: ${c.value ?? ""}`;

export function verifyAlignment(prompt: string, capabilities: readonly CapabilityState[]): AlignmentResult {
  const haystack = normalize(prompt);
  const missing = capabilities.filter(
    (c) => c.status === "pinned" && c.value && !haystack.includes(normalize(c.value)),
  );
  if (missing.length === 0) return { prompt, repaired: [] };
  let fixed = prompt;
  const repaired: string[] = [];
  for (const section of ["Context", "Constraints", "Requirements"] as const) {
    const lines = missing.filter((c) => sectionOf(c.id) === section).map(repairLine);
    if (lines.length === 0) continue;
    repaired.push(...lines);
    fixed = insertUnder(fixed, section, lines);
  }
  return { prompt: fixed, repaired };
}

function insertUnder(prompt: string, section: Section, lines: readonly string[]): string {
  const bullets = lines.map((l) => `- ${l}`).join("\n");
  for (const name of section === "Requirements" ? [section] : [section, "Requirements"]) {
    const heading = headingPattern(name).exec(prompt);
    if (heading) {
      const at = heading.index + heading[0].length;
      return `${prompt.slice(0, at)}\n${bullets}${prompt.slice(at)}`;
    }
  }
  // No heading: a new Requirements block, before a closing "Output only" line if there is one.
  const closing = /\n[ \t]*output only[^\n]*\s*$/i.exec(prompt);
  const block = `Requirements:\n${bullets}`;
  if (closing) return `${prompt.slice(0, closing.index).trimEnd()}\n\n${block}${prompt.slice(closing.index)}`;
  return `${prompt.trimEnd()}\n\n${block}`;
}
