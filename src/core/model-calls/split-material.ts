/**
 * Material the user pasted with the request (a transcript, code, an email): it is carried into the
 * prompt verbatim, in a delimited block the engine appends, instead of being turned into a
 * {{placeholder}} and lost. The model calls see the request and a bounded excerpt.
 */
export interface SplitIntent {
  /** What the user asks for. */
  request: string;
  /** What they pasted, verbatim; undefined when there is none. */
  material?: string;
}

/** Shorter intents are requests, whatever their shape. */
const MIN_MATERIAL_CHARS = 300;
const MAX_REQUEST_CHARS = 400;

export function splitMaterial(intent: string): SplitIntent {
  const text = intent.trim();
  const fence = text.indexOf("```");
  if (fence >= 0) {
    const request = text.slice(0, fence).trim();
    const material = text.slice(fence).trim();
    if (request) return { request, material };
  }
  if (text.length < MIN_MATERIAL_CHARS + 40) return { request: text };
  // "summarize this: <text>" or a first paragraph followed by the material.
  const breakAt = firstBreak(text);
  if (breakAt > 0 && breakAt <= MAX_REQUEST_CHARS) {
    const request = text
      .slice(0, breakAt)
      .replace(/[:\s]+$/, "")
      .trim();
    const material = text.slice(breakAt).replace(/^[:\s]+/, "");
    if (request && material.length >= MIN_MATERIAL_CHARS) return { request, material };
  }
  return { request: text };
}

function firstBreak(text: string): number {
  const paragraph = text.search(/\n\s*\n/);
  const colon = text.search(/:\s*(\n|\s)/);
  const candidates = [paragraph, colon >= 0 ? colon + 1 : -1].filter((i) => i > 0);
  return candidates.length ? Math.min(...candidates) : -1;
}

/** A bounded excerpt for the model calls (the whole material goes into the final prompt). */
export function excerpt(material: string, maxChars = 600): string {
  if (material.length <= maxChars) return material;
  return `${material.slice(0, maxChars)}\n[… ${material.length - maxChars} more characters, attached to the prompt verbatim]`;
}

/** Where the material block starts in a prompt. */
export const MATERIAL_HEADING = "\n\nMaterial (provided by the user, use it as given):";

/** The block appended to the prompt: the material verbatim between fixed delimiters. */
export function materialBlock(material: string): string {
  return `${MATERIAL_HEADING}\n<<<\n${material}\n>>>`;
}
