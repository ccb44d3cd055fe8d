/**
 * The working indicator's lifecycle during one turn: posted in the conversation's thread on the first
 * progress, then edited as the turn moves on (steps, queue position, the prompt as it is written).
 * Edits are throttled to one per interval (Discord limits edits per channel to about five in five
 * seconds) and coalesced: only the newest state is sent, never more than one edit in flight.
 * `finish` stops it; the final reply then takes the message's place (or it is deleted).
 */
import { REF_NAMES, type TurnIo } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderWorking, type WorkingState } from "./render-working.js";

/** Where the indicator is posted and edited (a `Replier` in the adapter). */
export interface WorkingChannel {
  sendToChannel(message: OutboundMessage): Promise<string>;
  editById(id: string, message: OutboundMessage): Promise<void>;
}

export interface WorkingMessageOptions {
  /** Least time between two edits. */
  intervalMs?: number;
  now?: () => number;
}

/** About one edit a second, leaving room in the channel's budget (5 edits in 5 s) for the final reply. */
export const DRAFT_EDIT_INTERVAL_MS = 1_250;

export class WorkingMessage {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private id: string | undefined;
  /** The post or edit in flight (never more than one). */
  private busy: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private latest: WorkingState | undefined;
  private shown: WorkingState | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private finished = false;
  private broken = false;
  private io: TurnIo | undefined;

  constructor(
    private readonly channel: WorkingChannel,
    private readonly logger: Logger,
    options: WorkingMessageOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DRAFT_EDIT_INTERVAL_MS;
    this.now = options.now ?? Date.now;
  }

  /** The newest state to show; earlier ones not yet sent are dropped. */
  update(state: WorkingState, io: TurnIo): void {
    if (this.finished) return;
    this.io = io;
    this.latest = state;
    this.pump();
  }

  /**
   * Stops updates and waits for the post or edit in flight; returns the message's id (undefined when
   * none was posted, or the post failed).
   */
  async finish(): Promise<string | undefined> {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.busy;
    return this.id;
  }

  private pump(): void {
    if (this.finished || this.broken || this.busy || this.timer || !this.latest || this.latest === this.shown) return;
    const wait = this.id === undefined ? 0 : this.lastSentAt + this.intervalMs - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, wait);
      this.timer.unref();
      return;
    }
    const state = this.latest;
    this.shown = state;
    this.lastSentAt = this.now();
    this.busy = this.send(state).finally(() => {
      this.busy = undefined;
      this.pump();
    });
  }

  private async send(state: WorkingState): Promise<void> {
    const message = renderWorking(state);
    try {
      if (this.id !== undefined) {
        await this.channel.editById(this.id, message);
        return;
      }
      this.id = await this.channel.sendToChannel(message);
      // Saved with the conversation: a later turn removes an indicator left by a process that died.
      await this.io?.setRefs({ [REF_NAMES.working]: this.id });
    } catch (error) {
      // No retries: repeated refusals (403, 404, 429) count against the bot's invalid-request budget.
      this.broken = true;
      this.logger.warn("working indicator failed; no more updates this turn", { error, kind: state.kind });
    }
  }
}
