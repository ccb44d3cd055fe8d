/** What the engine says in its own words (notices). */
import type { NoticeCode, ReplyBody } from "../engine-api.js";

export const notice = (code: NoticeCode, text: string): ReplyBody => ({ kind: "notice", code, text });

export const alreadyAnswered = () =>
  notice("already_answered", "This question was already answered (or its round is over): nothing changed.");

export const notOwner = () => notice("not_owner", "Only the person who asked can answer these questions.");

export const HELP_TEXT = [
  "I turn a one-line request into a tailored prompt for a small local model.",
  "Tell me what you want a prompt for; I ask up to 3 questions (at most 2 rounds), then write the prompt.",
  "Answer with the buttons or in your own words: one message can answer every open question.",
  'After the prompt, any message refines it ("shorter", "for a 5th grader") into a new version.',
  "Words: skip (write the prompt now), new (start over), forget (delete this conversation), cancel (end it), help.",
].join("\n");

export const usage = () =>
  notice("usage", "Tell me what you want a prompt for, e.g. /tailor write a cold email to an investor.");

export const tooLong = (limit: number, length: number, what: "request" | "message" = "request") =>
  notice(
    "too_long",
    `That ${what} is ${length} characters; the limit is ${limit}. Shorten it (long material can go in later as a {{placeholder}}).`,
  );

export const TYPED_WORDS = ["skip", "new", "forget", "cancel", "help"] as const;
export type TypedWord = (typeof TYPED_WORDS)[number];

export const typedWord = (text: string): TypedWord | undefined => {
  const word = text.trim().toLowerCase().replace(/[.!]$/, "");
  return (TYPED_WORDS as readonly string[]).includes(word) ? (word as TypedWord) : undefined;
};
