/**
 * Fenced code blocks for Discord: each part of a split prompt (the shared splitter in
 * `../split-text.ts`) is its own complete block, so a fence is closed at the end of one message and
 * reopened in the next.
 */

const FENCE = "```";
const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Discord ends a code block at the first ``` whatever the opening fence, so a longer fence does not
 * help: backtick runs inside the prompt are broken with zero-width spaces (the exact text is attached).
 */
export function escapeFences(text: string): { text: string; changed: boolean } {
  if (!text.includes(FENCE)) return { text, changed: false };
  return { text: text.replace(/`(?=`)/g, `\`${ZERO_WIDTH_SPACE}`), changed: true };
}

/** The characters a fenced block adds around its body: "```md\n" + body + "\n```". */
export const fenceOverhead = (language: string): number => FENCE.length * 2 + language.length + 2;

export const fenced = (body: string, language: string): string => `${FENCE}${language}\n${body}\n${FENCE}`;
