/**
 * Reads one string field out of a JSON object that is still being generated, so the prompt can be
 * shown while the model writes it. The value is decoded as far as it goes (escapes included) and is
 * undefined until the field's opening quote has arrived. Only top-level fields are looked at.
 */
export function partialJsonString(text: string, field: string): string | undefined {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === "{" || ch === "[") depth += 1;
    else if (ch === "}" || ch === "]") depth -= 1;
    else if (ch === '"') {
      const key = readString(text, i + 1);
      if (key.end === undefined) return undefined;
      i = key.end + 1;
      if (depth === 1 && key.value === field) {
        const colon = /^\s*:\s*/.exec(text.slice(i));
        if (!colon) return undefined;
        i += colon[0].length;
        if (text[i] !== '"') return undefined;
        return readString(text, i + 1).value;
      }
      continue;
    }
    i += 1;
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", '"': '"', "\\": "\\", "/": "/" };

/** Decodes a JSON string body from `start`; `end` is the closing quote's index, undefined while open. */
function readString(text: string, start: number): { value: string; end?: number } {
  let value = "";
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') return { value, end: i };
    if (ch !== "\\") {
      value += ch;
      i += 1;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (next === "u") {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      value += String.fromCharCode(Number.parseInt(hex, 16));
      i += 6;
      continue;
    }
    value += ESCAPES[next] ?? next;
    i += 2;
  }
  return { value };
}
