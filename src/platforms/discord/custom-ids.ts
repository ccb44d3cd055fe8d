/**
 * The stable custom ids of PromptTailor's components (contract: `tailor:answer:…`, `tailor:skip`,
 * `tailor:other:…`, `tailor:retry`, `tailor:stop`; plus `tailor:slot…` for one-click slot edits).
 * Each fits Discord's 100-character limit or is not used.
 */
import type { CapabilityId } from "../../core/conversation.js";
import { DISCORD_LIMITS } from "./discord-limits.js";

/** "Answer all": the button, and (with the round) the modal it opens. Question ids never read "all". */
const ANSWER_ALL = "tailor:answer:all";

export const CUSTOM_IDS = {
  answerButton: (questionId: string, optionIndex: number): string => `tailor:answer:${questionId}:${optionIndex}`,
  answerSelect: (questionId: string): string => `tailor:answer:${questionId}`,
  /** Opens one modal with every open question of the round (a select each, and own words). */
  answerAll: ANSWER_ALL,
  answerAllModal: (round: number): string => `${ANSWER_ALL}:${round}`,
  /** The "answer all" modal's free-text field (not a question id: those look like `r1q2`). */
  ownWords: "tailor:own-words",
  skip: "tailor:skip",
  /** "Answer in my own words": opens a modal for the round's open questions (their ids ride along). */
  other: (round: number, questionIds: readonly string[]): string => {
    const withIds = `tailor:other:${round}:${questionIds.join(",")}`;
    return withIds.length <= DISCORD_LIMITS.customId ? withIds : `tailor:other:${round}`;
  },
  retry: "tailor:retry",
  /** On the working indicator: stops the model call in progress (the engine decides who may). */
  stop: "tailor:stop",
  modal: (round: number): string => `tailor:modal:${round}`,
  /** The prompt's "Change a setting" select (values: see `slot-menu.ts`). */
  slot: "tailor:slot",
  /** The modal for a setting in the user's own words, and its one text input. */
  slotModal: (capability: CapabilityId): string => `tailor:slot:${capability}`,
  slotValue: "tailor:slot-value",
} as const;

export type ParsedCustomId =
  | { kind: "answer"; questionId: string; optionIndex?: number }
  | { kind: "answer-all" }
  | { kind: "answer-all-modal"; round: number }
  | { kind: "skip" }
  | { kind: "other"; round: number; questionIds: string[] }
  | { kind: "retry" }
  | { kind: "stop" }
  | { kind: "modal"; round: number }
  | { kind: "slot" }
  | { kind: "slot-modal"; capability: string };

/** Reads one of our custom ids; undefined for anything else (another bot's component, a stale format). */
export function parseCustomId(customId: string, component: "button" | "select" | "modal"): ParsedCustomId | undefined {
  if (customId === CUSTOM_IDS.skip) return { kind: "skip" };
  if (customId === CUSTOM_IDS.retry) return { kind: "retry" };
  if (customId === CUSTOM_IDS.stop) return { kind: "stop" };
  if (customId === CUSTOM_IDS.slot) return component === "select" ? { kind: "slot" } : undefined;
  const slotModal = /^tailor:slot:([a-z_]+)$/.exec(customId);
  if (slotModal?.[1]) return component === "modal" ? { kind: "slot-modal", capability: slotModal[1] } : undefined;
  if (customId === ANSWER_ALL) return component === "button" ? { kind: "answer-all" } : undefined;
  const all = /^tailor:answer:all:(\d+)$/.exec(customId);
  if (all?.[1]) return component === "modal" ? { kind: "answer-all-modal", round: Number(all[1]) } : undefined;
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
