/**
 * The suggested prompts an assistant thread opens with: one per popular domain of the library (its
 * title, and its first example intent as the message), in a fixed order, so every user sees the same
 * four and a domain added to the library never reshuffles them.
 * @see https://docs.slack.dev/reference/methods/assistant.threads.setSuggestedPrompts (at most 4)
 */
import type { Library } from "../../core/library/load-library.js";

export const MAX_SUGGESTED_PROMPTS = 4;

/** Domains most requests fall into; missing ones (a trimmed library) are filled from the library's order. */
const POPULAR_DOMAINS = ["email", "code_generation", "marketing_copy", "lesson_plan"] as const;

export interface SuggestedPrompt {
  title: string;
  message: string;
}

export function suggestedPrompts(library: Pick<Library, "domains">): SuggestedPrompt[] {
  const byId = new Map(library.domains.map((domain) => [domain.id, domain]));
  const popular = POPULAR_DOMAINS.flatMap((id) => byId.get(id) ?? []);
  const ordered = [...new Set([...popular, ...library.domains])];
  return ordered.slice(0, MAX_SUGGESTED_PROMPTS).flatMap((domain) => {
    const intent = domain.exemplars[0]?.intent;
    return intent ? [{ title: domain.title, message: intent }] : [];
  });
}
