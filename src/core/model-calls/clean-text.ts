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
