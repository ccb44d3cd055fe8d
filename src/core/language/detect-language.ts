/**
 * Which language a text is written in: the script decides for non-Latin writing systems, frequent
 * function words for Latin ones. Deterministic, dependency-free, and good enough to tell the
 * languages users write in apart; null when the text has too little to go on (an emoji, "???").
 */

/** BCP-47 primary subtags this detector can return. */
export const DETECTABLE_LANGUAGES = [
  "en",
  "de",
  "es",
  "fr",
  "pt",
  "it",
  "nl",
  "ja",
  "zh",
  "ko",
  "hi",
  "ru",
  "ar",
  "he",
  "th",
  "el",
] as const;
export type LanguageCode = (typeof DETECTABLE_LANGUAGES)[number];

const SCRIPTS: readonly [LanguageCode, RegExp][] = [
  // Kana first: Japanese mixes kanji (Han) with kana, Chinese has no kana.
  ["ja", /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ["ko", /\p{Script=Hangul}/gu],
  ["zh", /\p{Script=Han}/gu],
  ["hi", /\p{Script=Devanagari}/gu],
  ["ru", /\p{Script=Cyrillic}/gu],
  ["ar", /\p{Script=Arabic}/gu],
  ["he", /\p{Script=Hebrew}/gu],
  ["th", /\p{Script=Thai}/gu],
  ["el", /\p{Script=Greek}/gu],
];

// The most frequent short words of each language (articles, prepositions, pronouns): a few of them
// decide even a one-line request. Words shared by two languages count for both.
const FUNCTION_WORDS: Record<"en" | "de" | "es" | "fr" | "pt" | "it" | "nl", string> = {
  en: "the a an and or of to in for on with is are be it this that my me i you your we our write make help about how what from as at by can please should",
  de: "der die das und oder ein eine einen ist sind zu für mit von auf ich mein meine meinen mir du dein wir uns nicht wie was bitte schreib schreibe kannst über den dem des im",
  es: "el la los las y o un una es son de del para con en por que mi mis me yo tu su nos cómo qué escribe escribir ayúdame sobre al lo le necesito quiero",
  fr: "le la les et ou un une est sont de des du pour avec en dans que qui mon ma mes moi je tu nous vous comment quoi écris écrire aide sur au aux il elle pas",
  pt: "o a os as e ou um uma é são de do da dos das para com em no na que meu minha eu você nós como escreva escrever ajude sobre ao pelo pela não",
  it: "il lo la gli le e o un una è sono di del della per con in nel che mio mia io tu noi come scrivi scrivere aiutami su al non mi ho",
  nl: "de het een en of is zijn van voor met in op dat die mijn ik je wij hoe wat schrijf schrijven help over niet",
};
const WORD_SETS = Object.fromEntries(
  Object.entries(FUNCTION_WORDS).map(([code, words]) => [code, new Set(words.split(" "))]),
) as Record<keyof typeof FUNCTION_WORDS, Set<string>>;

// Letters that only some Latin-script languages use: a strong hint when function words tie.
const LETTER_HINTS: readonly [keyof typeof FUNCTION_WORDS, RegExp][] = [
  ["de", /[äöüß]/giu],
  ["es", /[ñ¿¡]/giu],
  ["fr", /[èêëçœàù]/giu],
  ["pt", /[ãõç]/giu],
];

export function detectLanguage(text: string): LanguageCode | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return null;
  let best: { code: LanguageCode; count: number } | undefined;
  for (const [code, pattern] of SCRIPTS) {
    const count = text.match(pattern)?.length ?? 0;
    if (count > (best?.count ?? 0)) best = { code, count };
  }
  // Japanese: any kana with Han characters is Japanese even when kanji outnumber kana.
  const kana = text.match(SCRIPTS[0]?.[1] ?? /$^/)?.length ?? 0;
  if (kana > 0 && best?.code === "zh") best = { code: "ja", count: best.count + kana };
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (best && best.count >= latin / 2) return best.code;
  return detectLatin(text);
}

function detectLatin(text: string): LanguageCode | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const scores = new Map<keyof typeof FUNCTION_WORDS, number>();
  for (const word of words) {
    for (const [code, set] of Object.entries(WORD_SETS) as [keyof typeof FUNCTION_WORDS, Set<string>][]) {
      if (set.has(word)) scores.set(code, (scores.get(code) ?? 0) + 1);
    }
  }
  for (const [code, pattern] of LETTER_HINTS) {
    const hits = text.match(pattern)?.length ?? 0;
    if (hits > 0) scores.set(code, (scores.get(code) ?? 0) + Math.min(hits, 3) * 0.5);
  }
  let best: [keyof typeof FUNCTION_WORDS, number] | undefined;
  for (const entry of scores) if (entry[1] > (best?.[1] ?? 0)) best = entry;
  // No function word at all ("SQL query joins"): most such requests here are English.
  return best?.[0] ?? (words.length > 0 ? "en" : null);
}

/** The primary subtag of a BCP-47 code ("pt-BR" → "pt"). */
export const primaryLanguage = (code: string): string => code.toLowerCase().split(/[-_]/)[0] ?? code;
