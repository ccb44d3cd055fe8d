/** What the engine says in its own words (notices). */

import type { NoticeCode, ReplyBody } from "../engine-api.js";
import { EN, fill } from "../messages/catalog.js";

export const notice = (code: NoticeCode, text: string): ReplyBody => ({ kind: "notice", code, text });

export const alreadyAnswered = () => notice("already_answered", EN.alreadyAnswered);

export const notOwner = () => notice("not_owner", EN.notOwner);

export const HELP_TEXT = EN.help;

export const usage = () => notice("usage", EN.usage);

export const tooLong = (limit: number, length: number, what: "request" | "message" = "request") =>
  notice("too_long", fill(what === "request" ? EN.tooLongRequest : EN.tooLongMessage, { length, limit }));

export const TYPED_WORDS = ["skip", "new", "forget", "cancel", "help"] as const;
export type TypedWord = (typeof TYPED_WORDS)[number];

export const typedWord = (text: string): TypedWord | undefined => {
  const word = text.trim().toLowerCase().replace(/[.!]$/, "");
  return (TYPED_WORDS as readonly string[]).includes(word) ? (word as TypedWord) : undefined;
};
