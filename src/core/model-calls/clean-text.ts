/** Normalization shared by validation and the alignment check. */
export const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, " ").trim();

export const uniqueNonEmpty = (items: readonly string[]): string[] => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items.map((i) => i.trim())) {
    if (item && !seen.has(normalize(item))) {
      seen.add(normalize(item));
      out.push(item);
    }
  }
  return out;
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The user's own text for a value the model quoted: `quote` found in `source` ignoring case and
 * spacing, returned as the user wrote it; undefined when the user never said it.
 */
export function findVerbatim(source: string, quote: string): string | undefined {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const match = new RegExp(words.map(escapeRegExp).join("\\s+"), "i").exec(source);
  return match?.[0];
}
