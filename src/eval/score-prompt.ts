/**
 * What can be measured on a prompt whatever its wording: which stated preferences it keeps, its
 * sections, its placeholders, its language.
 */
import { detectLanguage, primaryLanguage } from "../core/language/detect-language.js";
import { normalize } from "../core/model-calls/clean-text.js";

export const SECTION_NAMES = ["Role", "Task", "Context", "Requirements", "Format", "Constraints"] as const;

/** Share of `preferences` found in `prompt` (case-insensitive, whitespace-normalized); null with none. */
export function retention(prompt: string, preferences: readonly string[]): number | null {
  if (preferences.length === 0) return null;
  const haystack = normalize(prompt);
  return preferences.filter((p) => haystack.includes(normalize(p))).length / preferences.length;
}

/** Section headings present: a line starting with the name and a colon, or a Markdown heading. */
export function sectionsOf(prompt: string): string[] {
  return SECTION_NAMES.filter((name) =>
    new RegExp(`^\\s*(#{1,6}\\s*)?(\\*\\*)?${name}(\\*\\*)?\\s*(:|$)`, "im").test(prompt),
  );
}

export const placeholderCount = (prompt: string): number => prompt.match(/\{\{[^{}\n]{1,60}\}\}/g)?.length ?? 0;

/** The prompt's language against the intent's (given, or detected from the intent); null when either is unknown. */
export function languageOf(
  prompt: string,
  intent: string,
  expected?: string,
): { language: string | null; match: boolean | null } {
  const language = detectLanguage(prompt);
  const wanted = expected ? primaryLanguage(expected) : detectLanguage(intent);
  if (!language || !wanted || detectLanguage(intent) === null) return { language, match: null };
  return { language, match: language === wanted };
}
