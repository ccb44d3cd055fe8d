/**
 * The one prompt splitter of every platform: cuts text into chunks of at most `budget`, on paragraph
 * boundaries first, then lines, then (for a single huge line) spaces, never inside a surrogate pair.
 * `measure` is what a chunk costs on the platform (Slack counts its escaped length, since `&`, `<` and
 * `>` become entities; Discord counts characters), so a platform's escaping never pushes a chunk over.
 */
export type Measure = (text: string) => number;

const characters: Measure = (text) => text.length;

export function splitText(text: string, budget: number, measure: Measure = characters): string[] {
  if (budget < 1) throw new RangeError("budget must be positive");
  const chunks: string[] = [];
  let current = "";
  const push = (piece: string, separator: string) => {
    if (current === "") current = piece;
    else if (measure(current + separator + piece) <= budget) current += separator + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  };
  for (const paragraph of text.split(/\n{2,}/)) {
    if (measure(paragraph) <= budget) {
      push(paragraph, "\n\n");
      continue;
    }
    // A paragraph too long for one message: its lines, each cut further if need be.
    let first = true;
    for (const line of paragraph.split("\n")) {
      for (const piece of measure(line) <= budget ? [line] : splitLongLine(line, budget, measure)) {
        push(piece, first ? "\n\n" : "\n");
        first = false;
      }
    }
  }
  if (current !== "" || chunks.length === 0) chunks.push(current);
  return chunks;
}

/** The longest prefix of `line` that fits, cut at the last space when there is one in its second half. */
function splitLongLine(line: string, budget: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (measure(rest) > budget) {
    // The longest prefix that fits (a prefix never costs less than a shorter one: binary search).
    let low = 0;
    let high = rest.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (measure(rest.slice(0, mid)) <= budget) low = mid;
      else high = mid - 1;
    }
    let fit = low;
    // Never leave half of a surrogate pair (an emoji) at the end.
    if (fit > 0 && isHighSurrogate(rest.charCodeAt(fit - 1))) fit -= 1;
    if (fit === 0) fit = isHighSurrogate(rest.charCodeAt(0)) ? 2 : 1;
    let cut = rest.lastIndexOf(" ", fit);
    if (cut < fit / 2) cut = fit;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, "");
  }
  pieces.push(rest);
  return pieces;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
