/**
 * What adapters give the engine (plain data, no SDK objects) and what it gives back.
 * Adapters render replies within their platform's limits.
 */
import type { CapabilityId, ConversationKey, Step } from "./conversation.js";
import type { MessageLanguage } from "./messages/catalog.js";

export interface InboundUser {
  id: string;
  name?: string;
}

interface InboundBase {
  /** Platform event id, claimed once (duplicates are dropped). */
  eventId: string;
  key: ConversationKey;
  user: InboundUser;
  /** A direct message (Slack IM, Discord DM, the terminal): the access rules' "DMs on or off" applies. */
  direct: boolean;
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
    | /** Stop the model call in progress (the Stop control, or `stop` typed): handled without waiting for the turn. */ {
        kind: "stop";
      }
    | /** A one-click edit of a capability in the checklist: writes the next version with this value. */ {
        kind: "slot";
        capability: CapabilityId;
        value: string;
      }
  );

/** Where an event comes from, known before any platform side effect (the thread may not exist yet). */
export interface ClaimRequest {
  eventId: string;
  place: Pick<ConversationKey, "platform" | "workspace" | "channel">;
  user: InboundUser;
  direct: boolean;
  /** The event asks for a new conversation: a refusal is explained rather than dropped silently. */
  starts: boolean;
}

/**
 * `claimed`: this replica owns the event and may post, open threads, defer. Otherwise it does nothing
 * but render `replies` (empty for a duplicate; a private notice when the access rules refuse a start;
 * a user-safe error when the store could not be reached).
 */
export type ClaimResult = { claimed: true } | { claimed: false; replies: EngineReply[] };

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
  /** The capability's name for people ("Audience"). */
  label: string;
  status: "pinned" | "assumed" | "open";
  value?: string;
  /** `default`: the value came from the channel's (server's) defaults. */
  source?: "default";
  /** The refinement that wrote this version changed this capability. */
  changed?: boolean;
  /** Values a slot edit can offer (the catalog's options); "other…" is the adapter's to add. */
  options: string[];
}

/** One line of a compact diff between two prompt versions. */
export interface DiffLine {
  op: "added" | "removed";
  text: string;
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
  | "dms_off"
  /** A control of a round that is over (or of another conversation state) was used. */
  | "already_answered"
  /** Someone other than the owner used a control. */
  | "not_owner"
  /** `stop` when no model call of this conversation is running. */
  | "nothing_to_stop"
  /** A slot edit or a refinement before there is a prompt to change. */
  | "no_prompt_yet"
  /** `/tailor defaults`: what the channel's (server's) defaults are, or what was set or cleared. */
  | "defaults"
  /** `/tailor defaults set|clear` by someone who may not change them. */
  | "defaults_not_allowed"
  /** `/tailor defaults set` without a value the engine could read. */
  | "defaults_usage";

/**
 * The engine's reply policy, decided once for every platform (adapters only render):
 * who sees a reply, and whether it ends the open round of questions.
 */
export interface ReplyPolicy {
  /** `private`: only the person who acted (Slack ephemeral, Discord ephemeral where an interaction allows it). */
  visibility: "public" | "private";
  /**
   * The round's questions message (see `REF_NAMES.questions`) is final: this reply is its closed view
   * (answers shown, no controls left), rendered in place of that message.
   */
  closesRound: boolean;
  /**
   * The language of the bot's own words in this reply (the conversation's): adapters write the
   * reply's controls and headings in it (`controlLabels`). English when absent.
   */
  language?: MessageLanguage;
}

export type ReplyBody =
  | {
      kind: "questions";
      round: number;
      intro: string;
      questions: QuestionView[];
      /** The round is over: no control may be offered any more (questions without an answer were closed). */
      closed?: boolean;
    }
  | {
      kind: "prompt";
      version: number;
      text: string;
      checklist: ChecklistItem[];
      assumptions: string[];
      /** Pinned values the alignment check added back. */
      repaired: string[];
      /** From the second version on: what changed from the previous version (empty when nothing did). */
      changes?: DiffLine[];
      /** The refinement (or slot edit) that asked for this version, in the user's words. */
      request?: string;
    }
  | { kind: "error"; code: string; message: string; retry: boolean; step?: Step }
  | { kind: "notice"; code: NoticeCode; text: string };

export type EngineReply = ReplyBody & ReplyPolicy;

/**
 * Progress while a turn runs: show "working" (with a Stop control: the model call can be stopped),
 * and the queue position when the model is busy.
 */
export type Progress = ({ kind: "working"; step: Step } | { kind: "queued"; position: number }) & {
  /** The conversation's language, for the indicator's words (`controlLabels`). */
  language?: MessageLanguage;
};

/**
 * The prompt as it is being written (synthesize and refine stream): `text` is the whole prompt so
 * far, not a delta. The final `prompt` reply replaces it (it may differ: the alignment check may add
 * pinned values back, and the user's own words are appended).
 */
export interface PromptDraft {
  version: number;
  text: string;
  /** The conversation's language, for the draft's heading (`controlLabels`). */
  language?: MessageLanguage;
}

/**
 * Message references kept in the conversation record (`Conversation.refs`), so that any replica,
 * after any restart, can update or close what an earlier turn posted.
 */
export type MessageRefs = Readonly<Record<string, string>>;

/** The names adapters use in `MessageRefs`. */
export const REF_NAMES = {
  /** The open (or last) round's questions message. */
  questions: "questions",
  /** The round that message shows (a number, as text). */
  questionsRound: "questionsRound",
  /** The latest prompt version's message. */
  prompt: "prompt",
  /** The "working" indicator of a turn in progress (left behind when its process died). */
  working: "working",
} as const;

/** What a turn gives the adapter while it holds the conversation's lock. */
export interface TurnIo {
  /** The refs saved with the conversation before this turn (plus what this turn set). */
  readonly refs: MessageRefs;
  /**
   * Records refs (`undefined` removes one); saved with the conversation at once, under its lock.
   * Resolves false when the save did not go through (the store failed, or this turn's lease was lost).
   */
  setRefs(patch: Record<string, string | undefined>): Promise<boolean>;
}

export interface TurnOptions {
  signal?: AbortSignal;
  /** The adapter already claimed the event with `claim()` (before its own side effects). */
  claimed?: boolean;
  onProgress?: (progress: Progress, io: TurnIo) => void;
  /** Called as the prompt is generated (often: throttle before posting). Only for the turn's own thread. */
  onDraft?: (draft: PromptDraft, io: TurnIo) => void;
  /**
   * Renders the replies while the turn still holds the conversation's lock (message refs read and
   * written through `io` cannot race another turn). A failure is logged; the replies stand.
   */
  deliver?: (replies: EngineReply[], io: TurnIo) => Promise<void>;
}

/** What an adapter needs from the engine. */
export interface TailorEngine {
  /**
   * Claims an event once, before any platform side effect (posting a root message, opening a thread,
   * deferring an interaction); the access rules are applied here too. Never throws.
   */
  claim(request: ClaimRequest, signal?: AbortSignal): Promise<ClaimResult>;
  /**
   * Handles one event under the conversation's lock (claiming it first unless `options.claimed`);
   * returns [] for duplicates and ignored events.
   */
  handle(event: InboundEvent, options?: TurnOptions): Promise<EngineReply[]>;
  /**
   * `/tailor defaults …`: shows, sets or clears the default capabilities of a channel (Slack) or
   * server (Discord). The adapter says whether the user may change them (`canManage`).
   */
  defaults(request: DefaultsRequest, signal?: AbortSignal): Promise<EngineReply[]>;
}

/** A `/tailor defaults …` command. */
export interface DefaultsRequest {
  eventId: string;
  /** Where the defaults apply: a Slack channel, or a Discord guild (`channel` is then ignored). */
  place: Pick<ConversationKey, "platform" | "workspace" | "channel">;
  user: InboundUser;
  /** What follows `defaults`: empty (show), `set language=German; tone=friendly`, or `clear`. */
  text: string;
  /** Slack: a workspace admin or owner, or listed in TAILOR_ADMINS; Discord: Manage Server. */
  canManage: boolean;
}

/** The claim request of an event whose key is known. */
export const claimRequestOf = (event: InboundEvent): ClaimRequest => ({
  eventId: event.eventId,
  place: { platform: event.key.platform, workspace: event.key.workspace, channel: event.key.channel },
  user: event.user,
  direct: event.direct,
  starts: event.kind === "start" || (event.kind === "message" && event.mayStart),
});

/** An event without its envelope (id, key, user): what an adapter or test fills in. */
export type InboundEventBody = InboundEvent extends infer E
  ? E extends unknown
    ? Omit<E, "eventId" | "key" | "user" | "direct">
    : never
  : never;
