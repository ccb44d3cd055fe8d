/**
 * Splits a prompt into fenced code blocks that fit Discord messages: on paragraph boundaries first,
 * then lines, then (for a single huge line) spaces. Each part is its own complete block, so a fence
 * is closed at the end of one message and reopened in the next.
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

/** Cuts `text` into chunks of at most `budget` characters, preferring paragraph, then line, then word breaks. */
export function splitText(text: string, budget: number): string[] {
  if (budget < 1) throw new RangeError("budget must be positive");
  const chunks: string[] = [];
  let current = "";
  const push = (piece: string, separator: string) => {
    if (current === "") current = piece;
    else if (current.length + separator.length + piece.length <= budget) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    if (paragraph.length <= budget) {
      push(paragraph, "\n\n");
      continue;
    }
    // A paragraph too long for one message: its lines, each cut further if need be.
    let first = true;
    for (const line of paragraph.split("\n")) {
      for (const piece of line.length <= budget ? [line] : splitLongLine(line, budget)) {
        push(piece, first ? "\n\n" : "\n");
        first = false;
      }
    }
  }
  if (current !== "" || chunks.length === 0) chunks.push(current);
  return chunks;
}

function splitLongLine(line: string, budget: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > budget) {
    let cut = rest.lastIndexOf(" ", budget);
    if (cut < budget / 2) cut = budget;
    const code = rest.charCodeAt(cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  pieces.push(rest);
  return pieces;
}
