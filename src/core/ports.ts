/**
 * The ports the core depends on. Store, model and platforms implement them; the core imports no SDK.
 */
import type { CapabilityId, Conversation, ConversationKey } from "./conversation.js";

/** Injected time (no Date.now() inside the core). */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export type LogFields = Record<string, unknown>;

/** Structured logger; implementations write to stderr and redact secrets. */
export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/** What `ConversationStore.load` found. A record that failed validation was moved aside (kept, not deleted). */
export type LoadResult =
  | { status: "found"; conversation: Conversation }
  | { status: "missing" }
  | { status: "reset"; reason: string };

/** How a save is made: under the caller's signal, and fenced by the lock lease it holds. */
export interface SaveOptions {
  signal?: AbortSignal;
  /**
   * The fencing token of the lock lease the saving turn holds (`LockLease.token`). The store refuses
   * the save (TailorError "store.lock_timeout", the lease was lost) when another holder has taken the lock since: a turn whose
   * lease ran out can never overwrite its successor's record.
   */
  fence?: string;
}

/** The lease a `withLock` body holds. */
export interface LockLease {
  /** Identifies this holding of the lock (a successor gets another): pass it to `save` as `fence`. */
  readonly token: string;
}

/**
 * Conversation store. Every method throws TailorError("store.*") on failure or timeout:
 * an outage never looks like an empty conversation.
 */
export interface ConversationStore {
  load(key: ConversationKey, signal?: AbortSignal): Promise<LoadResult>;
  /** Writes the record and refreshes its TTL; refuses a stale holder's save (see `SaveOptions.fence`). */
  save(conversation: Conversation, options?: SaveOptions): Promise<void>;
  /** `forget`: deletes the conversation. */
  delete(key: ConversationKey, signal?: AbortSignal): Promise<void>;
  /**
   * Runs `fn` while holding the conversation's lock (with a lease, across processes on Redis).
   * Turns of one conversation never interleave; a crashed holder's lease expires. The signal aborts when
   * the lease is lost; saves fenced with `lease.token` are refused once a successor holds the lock.
   */
  withLock<T>(
    key: ConversationKey,
    fn: (signal: AbortSignal, lease: LockLease) => Promise<T>,
    signal?: AbortSignal,
  ): Promise<T>;
  /** Once-only claim of a platform event id: true the first time, false for every duplicate. */
  claimEvent(eventId: string, signal?: AbortSignal): Promise<boolean>;
  /** The default capabilities of a place (`/tailor defaults`); an empty object when none are set. */
  loadDefaults(scope: string, signal?: AbortSignal): Promise<PlaceDefaults>;
  /** Replaces a place's defaults; an empty object removes them. Kept without expiry, until cleared. */
  saveDefaults(scope: string, defaults: PlaceDefaults, signal?: AbortSignal): Promise<void>;
  /**
   * Asks the turn running a model call for this conversation, on any replica, to stop
   * (`stopRequestedSince` sees it). The request expires after a minute.
   */
  requestStop(key: ConversationKey, at: number, signal?: AbortSignal): Promise<void>;
  /** The time (ms) of the latest stop request for this conversation, if one is pending. */
  stopRequestedSince(key: ConversationKey, signal?: AbortSignal): Promise<number | undefined>;
  /** Throws if the store is unreachable (readiness). */
  ping(signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** Default capability values of a place, by capability id (`/tailor defaults`). */
export type PlaceDefaults = Partial<Record<CapabilityId, string>>;

/** A JSON Schema object, as both model backends take it. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export type ModelCallName = "analyse" | "integrate" | "synthesize";

export interface ModelRequest {
  call: ModelCallName;
  /** System turn: instructions. */
  system: string;
  /** User turn: the call's input (intent, exemplars, pinned values, answers...). */
  user: string;
  /** The answer must be JSON matching this schema (grammar or response_format). */
  schema: JsonSchema;
  maxTokens: number;
  /** Fairness key for the queue (conversation or user): one user's flood cannot starve others. */
  fairnessKey: string;
  signal?: AbortSignal;
  /** Called with 1-based positions while the request waits for the model; 0 when it starts. */
  onQueuePosition?: (position: number) => void;
  /** Called once the call finished with what it cost (evaluation, benchmarks, metrics). */
  onUsage?: (usage: ModelUsage) => void;
  /**
   * Streaming: called with each piece of generated text, in order, as the model produces it. The
   * pieces joined are the answer so far; the returned text stays the authoritative answer.
   */
  onText?: (delta: string) => void;
}

/** What one model call cost, in the model's own tokens. */
export interface ModelUsage {
  /** Tokens of the whole prompt (instructions and input, chat template included). */
  promptTokens: number;
  /** Prompt tokens reused from the KV cache (a prefix evaluated by an earlier call); not evaluated again. */
  reusedTokens: number;
  generatedTokens: number;
}

/** The model port: structured generation. Throws TailorError("model.*") on failure. */
export interface ModelPort {
  /** Returns the raw text the model produced (JSON per `schema`); the engine validates it. */
  generateJson(request: ModelRequest): Promise<string>;
  /** One line for logs: backend, model, adapters. */
  describe(): string;
  /**
   * Whether a call's prompt and its longest answer fit the model's context, where the backend can
   * tell (the in-process model counts tokens); the engine then sends a compact version instead.
   */
  fits?(request: Pick<ModelRequest, "system" | "user" | "maxTokens">): boolean;
  close(): Promise<void>;
}
