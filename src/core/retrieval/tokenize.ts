/**
 * Tokenizer for lexical retrieval, for any script: lowercase words of letters and digits (accents
 * folded for Latin letters only, so "résumé" meets "resume" and "Gehaltserhöhung" stays one word),
 * character bigrams for scripts written without spaces (Chinese, Japanese), stop words dropped in
 * the languages users write in, and one light stemmer so that "recipes" meets "recipe" and
 * "negotiating" meets "negotiation".
 */
const STOP_WORDS = new Set(
  (
    "a an and are as at be but by can could do for from get give have how i i'd i'm in into is it its " +
    "just let me my of on or our so that the their them then there these this to up us we what when which " +
    "who will with would you your about some more new pls plz " +
    "der die das und oder ein eine einen ist zu für mit von auf ich mein meine mir du wir nicht wie was bitte " +
    "el la los las y o un una es de del para con en por que mi me yo tu su " +
    "le les et ou une est des du pour avec dans qui mon ma mes moi je nous vous " +
    "o os as um é do da dos das com em no na meu minha eu você il lo gli di della per nel che mio io"
  ).split(" "),
);

const SUFFIXES: readonly [string, string][] = [
  ["ational", "ate"],
  ["ations", "at"],
  ["ation", "at"],
  ["ings", ""],
  ["ing", ""],
  ["ions", ""],
  ["ion", ""],
  ["ies", "y"],
  ["ers", ""],
  ["er", ""],
  ["ed", ""],
  ["es", ""],
  ["s", ""],
  ["ly", ""],
];

/** Words that name no domain ("explain", "help"): they count a third as much in a query. */
export const GENERIC_TERMS = new Set(
  "explain help need want make creat writ good best simple quick easy idea thing stuff someth tip guide better improv short long list"
    .split(" ")
    .map((w) => stem(w)),
);

/** One light stemmer for every word, query and document alike (consistency matters more than linguistics). */
export function stem(word: string): string {
  if (word.length <= 3 || !/^[a-z]+$/.test(word)) return word;
  let base = word;
  for (const [suffix, replacement] of SUFFIXES) {
    if (base.endsWith(suffix) && base.length - suffix.length >= 3) {
      base = base.slice(0, -suffix.length) + replacement;
      break;
    }
  }
  // "recipe" / "recip(es)", "create" / "creat(ing)", "plann(ing)" / "plan".
  if (base.length > 4 && base.endsWith("e")) base = base.slice(0, -1);
  if (/([b-df-hj-np-tv-z])\1$/.test(base) && !/(ll|ss|zz)$/.test(base)) base = base.slice(0, -1);
  return base;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

export function tokenize(text: string): string[] {
  const folded = text
    .toLowerCase()
    .normalize("NFKD")
    // Fold accents on Latin letters only: marks are letters' vowels in Devanagari and others.
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC");
  const words = folded.match(/[\p{L}\p{M}\p{N}]+(?:'[a-z]+)?/gu) ?? [];
  const out: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/'[a-z]+$/, "");
    if (UNSPACED.test(word)) {
      out.push(...bigrams(word));
      continue;
    }
    if (STOP_WORDS.has(word)) continue;
    const stemmed = stemAnyScript(word);
    if (stemmed.length > 1 || /\p{Script=Hangul}/u.test(stemmed)) out.push(stemmed);
  }
  return out;
}

const KOREAN_PARTICLE = /(으로|에서|에게|까지|부터|을|를|이|가|은|는|의|에|로|와|과|도)$/u;

/**
 * Russian inflects by ending: a 6-letter prefix is the usual light stem. Arabic attaches the article:
 * "ال" is dropped. Korean particles are dropped.
 */
function stemAnyScript(word: string): string {
  if (/^\p{Script=Cyrillic}+$/u.test(word)) return [...word].slice(0, 6).join("");
  if (/^\p{Script=Arabic}+$/u.test(word)) return word.length > 4 && word.startsWith("ال") ? word.slice(2) : word;
  // Korean attaches particles to the noun ("이력서를" is "이력서" + object marker).
  if (/^\p{Script=Hangul}+$/u.test(word)) return word.length > 2 ? word.replace(KOREAN_PARTICLE, "") : word;
  return stem(word);
}

/** Overlapping character pairs: the usual unit of lexical search in Chinese and Japanese. */
function bigrams(word: string): string[] {
  const chars = [...word];
  if (chars.length === 1) return chars;
  return chars.slice(0, -1).map((c, i) => c + chars[i + 1]);
}
