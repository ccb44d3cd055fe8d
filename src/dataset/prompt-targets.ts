/**
 * The synthesize targets of library mode. English: the exemplar's own tailored prompt with the
 * conversation's pinned values placed where the synthesize rules put them (facts under Context,
 * limits and things to avoid under Constraints, the format on its Format line, the rest as numbered
 * requirements). Other languages: the library's exemplars are English, so the target is a plain
 * skeleton in the user's language built from the kit, with the same sections and the pinned values.
 */
import type { CapabilityId } from "../core/conversation.js";
import { fill, type LanguageKit } from "./language-kits.js";

export interface PinnedValue {
  capability: CapabilityId;
  value: string;
}

const SECTION_OF: Partial<Record<CapabilityId, "Context" | "Constraints" | "Format">> = {
  context: "Context",
  avoid: "Constraints",
  length: "Constraints",
  format: "Format",
};

/** Length limits an exemplar states ("under 120 words", "3 minutes"): a pinned length replaces them. */
const LENGTH_PHRASE =
  /(?:\b(?:under|at most|about|max(?:imum)?|no more than|up to)\s+)?\b\d+(?:[-–]\d+)?[\s-]*(?:words?|sentences?|minutes?|pages?|characters?|lines?|paragraphs?)\b/gi;

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const endSentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

function sectionLine(lines: string[], section: string): number {
  const heading = new RegExp(`^\\s*${section}\\s*:`, "i");
  return lines.findIndex((l) => heading.test(l));
}

/** Puts `value` on a section's line, or adds the line before the closing "Output only" line. */
function addToSection(lines: string[], section: string, value: string, replace = false): void {
  const at = sectionLine(lines, section);
  if (at >= 0) {
    const current = (lines[at] ?? "").replace(/^\s*[^:]+:\s*/, "");
    const added = endSentence(capitalize(value));
    lines[at] = `${section}: ${replace || !current ? added : `${endSentence(current)} ${added}`}`;
    return;
  }
  const closing = lines.findIndex((l) => /^\s*output only/i.test(l));
  lines.splice(closing >= 0 ? closing : lines.length, 0, `${section}: ${endSentence(capitalize(value))}`);
}

/** Appends a numbered requirement (or a bullet, if the list uses bullets) to the Requirements list. */
function addRequirement(lines: string[], text: string): void {
  let at = sectionLine(lines, "Requirements");
  if (at < 0) {
    const closing = lines.findIndex((l) => /^\s*(format|constraints|output only)\b/i.test(l));
    at = closing >= 0 ? closing : lines.length;
    lines.splice(at, 0, "Requirements:");
  }
  let last = at;
  let number = 0;
  let bullet = false;
  for (let i = at + 1; i < lines.length; i += 1) {
    const numbered = /^\s*(\d+)[.)]\s/.exec(lines[i] ?? "");
    if (numbered) {
      number = Number(numbered[1]);
      last = i;
    } else if (/^\s*[-*]\s/.test(lines[i] ?? "")) {
      bullet = true;
      last = i;
    } else break;
  }
  lines.splice(last + 1, 0, bullet ? `- ${endSentence(text)}` : `${number + 1}. ${endSentence(text)}`);
}

/** The exemplar prompt with the pinned values placed, and the answer language said once. */
export function placeValues(prompt: string, pins: readonly PinnedValue[], kit: LanguageKit): string {
  const lines = prompt.split("\n");
  for (const pin of pins) {
    const section = SECTION_OF[pin.capability];
    if (section === "Constraints" && pin.capability === "length") {
      const at = sectionLine(lines, "Constraints");
      if (at >= 0) lines[at] = (lines[at] ?? "").replace(LENGTH_PHRASE, "").replace(/;\s*;/g, ";");
      addToSection(lines, section, pin.value);
    } else if (section === "Format") addToSection(lines, section, pin.value, true);
    else if (section) addToSection(lines, section, pin.value);
    else addRequirement(lines, `${capitalize(kit.labels[pin.capability])}: ${pin.value}`);
  }
  if (!lines.some((l) => l.includes(kit.prompt.answerIn))) addToSection(lines, "Constraints", kit.prompt.answerIn);
  return lines
    .join("\n")
    .replace(/: ;\s*/g, ": ")
    .replace(/[ \t]+\./g, ".");
}

/** A prompt in the kit's language for `task` (a noun phrase), carrying every pinned value. */
export function skeletonPrompt(task: string, pins: readonly PinnedValue[], kit: LanguageKit): string | undefined {
  const p = kit.prompt;
  if (!p.role || !p.task || !p.context || !p.format || !p.constraints || !p.outputOnly) return undefined;
  const lines = [
    `Role: ${p.role}`,
    `Task: ${fill(p.task, { task })}`,
    `Context: ${p.context}`,
    "Requirements:",
    ...(p.requirements ?? []).map((r, i) => `${i + 1}. ${r}`),
    `Format: ${p.format}`,
    `Constraints: ${p.constraints}`,
    p.outputOnly,
  ];
  return placeValues(lines.join("\n"), pins, kit);
}

/**
 * A refinement's target: the previous version with the capability's old values swapped for the new
 * one, or the new value placed when the capability had none.
 */
export function refinePrompt(
  previous: string,
  correction: PinnedValue,
  oldValues: readonly string[],
  kit: LanguageKit,
): string {
  let text = previous;
  let replaced = false;
  for (const old of oldValues) {
    const pattern = new RegExp(old.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"), "gi");
    if (pattern.test(text)) {
      text = text.replace(pattern, correction.value);
      replaced = true;
    }
  }
  return replaced ? text : placeValues(text, [correction], kit);
}
