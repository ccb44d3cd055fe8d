/**
 * Tokenizer for lexical retrieval: lowercase words, stop words dropped, light suffix stemming so
 * "emails", "emailing" and "email" meet.
 */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by can could do for from get give have help how i i'd i'm in into is it its " +
    "just let like make me my need of on or our please so some that the their them then there these this " +
    "to up us want we what when which who will with would write you your about some more new"
  ).split(" "),
);

export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ["ations", "ation", "ings", "ing", "ies", "ers", "er", "ed", "es", "s", "ly"]) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      return suffix === "ies" ? `${base}y` : base;
    }
  }
  return word;
}

export function tokenize(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize("NFKD")
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? []
  )
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => stem(w.replace(/'[a-z]+$/, "")))
    .filter((w) => w.length > 1);
}
