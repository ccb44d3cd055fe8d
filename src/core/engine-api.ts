/**
 * What adapters give the engine (plain data, no SDK objects) and what it gives back.
 * Adapters render replies within their platform's limits.
 */
import type { CapabilityId, ConversationKey, Step } from "./conversation.js";

export interface InboundUser {
  id: string;
  name?: string;
}

interface InboundBase {
  /** Platform event id, claimed once (duplicates are dropped). */
  eventId: string;
  key: ConversationKey;
  user: InboundUser;
}

export type InboundEvent = InboundBase &
  (
    | /** Slash command or a mention in a channel: a new conversation with this intent. */ {
        kind: "start";
        text: string;
      }
    | /** A message in a conversation's thread or a DM; `mayStart` lets it start one (DMs, mentions). */ {
        kind: "message";
        text: string;
        mayStart: boolean;
      }
    | /** A control (button, select) answering one question. */ { kind: "answer"; questionId: string; option: string }
    | /** Several free-text answers at once (Discord modal), by question id. */ {
        kind: "answers";
        answers: Record<string, string>;
      }
    | { kind: "skip" }
    | { kind: "retry" }
  );

export interface QuestionView {
  id: string;
  capability: CapabilityId;
  text: string;
  options: string[];
  /** Set once answered (adapters show the choice and disable the controls). */
  answer?: string;
}

export interface ChecklistItem {
  capability: CapabilityId;
  status: "pinned" | "assumed" | "open";
  value?: string;
}

export type NoticeCode =
  | "help"
  | "usage"
  | "too_long"
  | "cancelled"
  | "forgotten"
  | "new"
  | "reset"
  | "nothing_to_retry"
  | "nothing_to_skip"
  | "answer_recorded"
  | "ended"
  | "not_allowed"
  | "dms_off";

export type EngineReply =
  | { kind: "questions"; round: number; intro: string; questions: QuestionView[] }
  | {
      kind: "prompt";
      version: number;
      text: string;
      checklist: ChecklistItem[];
      assumptions: string[];
      /** Pinned values the alignment check added back. */
      repaired: string[];
    }
  | { kind: "error"; code: string; message: string; retry: boolean; step?: Step }
  | { kind: "notice"; code: NoticeCode; text: string };

/** Progress while a turn runs: show "working", and the queue position when the model is busy. */
export type Progress = { kind: "working"; step: Step } | { kind: "queued"; position: number };

export interface TurnOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What an adapter needs from the engine. */
export interface TailorEngine {
  /** Handles one event under the conversation's lock; returns [] for duplicates and ignored events. */
  handle(event: InboundEvent, options?: TurnOptions): Promise<EngineReply[]>;
}

/** An event without its envelope (id, key, user): what an adapter or test fills in. */
export type InboundEventBody = InboundEvent extends infer E
  ? E extends unknown
    ? Omit<E, "eventId" | "key" | "user">
    : never
  : never;
