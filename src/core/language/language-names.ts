/** English names of the languages the detector knows: the model calls name the answer language. */
import type { LanguageCode } from "./detect-language.js";

export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  en: "English",
  de: "German",
  es: "Spanish",
  fr: "French",
  pt: "Portuguese",
  it: "Italian",
  nl: "Dutch",
  ja: "Japanese",
  zh: "Chinese",
  ko: "Korean",
  hi: "Hindi",
  ru: "Russian",
  ar: "Arabic",
  he: "Hebrew",
  th: "Thai",
  el: "Greek",
};

export const languageName = (code: string | undefined): string =>
  (code && LANGUAGE_NAMES[code as LanguageCode]) || "English";
