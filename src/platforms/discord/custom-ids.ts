/**
 * The stable custom ids of PromptTailor's components (contract: `tailor:answer:…`, `tailor:skip`,
 * `tailor:other:…`, `tailor:retry`). Each fits Discord's 100-character limit or is not used.
 */
import { DISCORD_LIMITS } from "./discord-limits.js";

export const CUSTOM_IDS = {
  answerButton: (questionId: string, optionIndex: number): string => `tailor:answer:${questionId}:${optionIndex}`,
  answerSelect: (questionId: string): string => `tailor:answer:${questionId}`,
  skip: "tailor:skip",
  /** "Answer in my own words": opens a modal for the round's open questions (their ids ride along). */
  other: (round: number, questionIds: readonly string[]): string => {
    const withIds = `tailor:other:${round}:${questionIds.join(",")}`;
    return withIds.length <= DISCORD_LIMITS.customId ? withIds : `tailor:other:${round}`;
  },
  retry: "tailor:retry",
  modal: (round: number): string => `tailor:modal:${round}`,
} as const;

export type ParsedCustomId =
  | { kind: "answer"; questionId: string; optionIndex?: number }
  | { kind: "skip" }
  | { kind: "other"; round: number; questionIds: string[] }
  | { kind: "retry" }
  | { kind: "modal"; round: number };

/** Reads one of our custom ids; undefined for anything else (another bot's component, a stale format). */
export function parseCustomId(customId: string, component: "button" | "select" | "modal"): ParsedCustomId | undefined {
  if (customId === CUSTOM_IDS.skip) return { kind: "skip" };
  if (customId === CUSTOM_IDS.retry) return { kind: "retry" };
  const answer = /^tailor:answer:(.+)$/.exec(customId);
  if (answer?.[1]) {
    if (component === "select") return { kind: "answer", questionId: answer[1] };
    const indexed = /^(.+):(\d+)$/.exec(answer[1]);
    if (indexed?.[1] && indexed[2]) return { kind: "answer", questionId: indexed[1], optionIndex: Number(indexed[2]) };
    return undefined;
  }
  const other = /^tailor:other:(\d+)(?::(.*))?$/.exec(customId);
  if (other?.[1])
    return { kind: "other", round: Number(other[1]), questionIds: other[2] ? other[2].split(",").filter(Boolean) : [] };
  const modal = /^tailor:modal:(\d+)$/.exec(customId);
  if (modal?.[1]) return { kind: "modal", round: Number(modal[1]) };
  return undefined;
}

export const fitsCustomId = (customId: string): boolean => customId.length <= DISCORD_LIMITS.customId;
