/**
 * The Stop control. A turn that runs model calls registers here; `stop` (the button, or the word
 * typed) aborts its model call without waiting for the turn's lock. On this replica that is direct;
 * a turn on another replica sees the request through the store (`requestStop`), which it polls while
 * its model call runs.
 */
import { type ConversationKey, conversationKeyString } from "../conversation.js";
import type { ConversationStore, Logger } from "../ports.js";

/** How often a running model call looks for a stop request from another replica. */
export const STOP_POLL_MS = 1000;

export interface TurnStop {
  /** Aborted when the owner stopped this turn's model call. */
  readonly signal: AbortSignal;
  /** Watches the store for a stop request from another replica while `work` runs. */
  watch<T>(work: () => Promise<T>): Promise<T>;
  /** The turn is over: later stops find nothing to stop. */
  release(): void;
}

interface Running {
  ownerId: string;
  controller: AbortController;
}

export class StopControl {
  readonly #running = new Map<string, Running>();

  constructor(
    private readonly store: ConversationStore,
    private readonly logger: Logger,
    private readonly now: () => number,
  ) {}

  /** Registers a turn of `key` owned by `ownerId`. Stop requests older than this turn do not apply to it. */
  begin(key: ConversationKey, ownerId: string): TurnStop {
    const id = conversationKeyString(key);
    const controller = new AbortController();
    const entry: Running = { ownerId, controller };
    this.#running.set(id, entry);
    const startedAt = this.now();
    return {
      signal: controller.signal,
      watch: async (work) => {
        const timer = setInterval(() => {
          this.store.stopRequestedSince(key).then(
            (at) => {
              if (at !== undefined && at >= startedAt) controller.abort(new Error("stopped by the owner"));
            },
            (error: unknown) => this.logger.debug("could not check for a stop request", { error }),
          );
        }, STOP_POLL_MS);
        timer.unref?.();
        try {
          return await work();
        } finally {
          clearInterval(timer);
        }
      },
      release: () => {
        if (this.#running.get(id) === entry) this.#running.delete(id);
      },
    };
  }

  /**
   * Stops the running turn of `key` on this replica. `owner` when it was someone else's (nothing
   * stopped), `missing` when no turn of it runs here.
   */
  stopHere(key: ConversationKey, userId: string, allowOthers: boolean): "stopped" | "not_owner" | "missing" {
    const entry = this.#running.get(conversationKeyString(key));
    if (!entry) return "missing";
    if (entry.ownerId !== userId && !allowOthers) return "not_owner";
    entry.controller.abort(new Error("stopped by the owner"));
    return "stopped";
  }
}
