/**
 * A fixed pool of context sequences in front of a fair queue. A sequence goes back in every case, so
 * a failed, aborted or timed-out call never shrinks the pool. After a finished call it keeps its
 * history: the next call's chat session reuses the common prefix (the instructions every
 * conversation shares) and erases every token after it, so no conversation reads another's text.
 * After a failed call the state is unknown and the sequence is cleared.
 */
import { FairQueue } from "./fair-queue.js";

export interface Poolable {
  clearHistory(): Promise<void>;
}

export class SequencePool<S extends Poolable> {
  private readonly free: S[];
  private readonly queue = new FairQueue<S>();
  private active = 0;
  private closed: Error | undefined;

  constructor(readonly sequences: readonly S[]) {
    this.free = [...sequences];
  }

  stats(): { queued: number; active: number; sequences: number } {
    return { queued: this.queue.size, active: this.active, sequences: this.sequences.length };
  }

  /** The sequence's place in the pool (logs, tests). */
  slotOf(sequence: S): number {
    return this.sequences.indexOf(sequence);
  }

  async acquire(key: string, onPosition?: (position: number) => void, signal?: AbortSignal): Promise<S> {
    signal?.throwIfAborted();
    if (this.closed) throw this.closed;
    let sequence = this.free.pop();
    if (sequence) {
      this.queue.noteServed(key);
      onPosition?.(0);
    } else {
      sequence = await this.queue.wait(key, onPosition, signal);
    }
    this.active += 1;
    return sequence;
  }

  /** Never throws: a sequence whose history could not be cleared is still reusable (a chat session re-evaluates what differs). */
  async release(sequence: S, onClearError?: (error: unknown) => void, keepHistory = false): Promise<void> {
    this.active -= 1;
    try {
      if (!keepHistory) await sequence.clearHistory();
    } catch (error) {
      onClearError?.(error);
    }
    if (this.closed || !this.queue.serve(sequence)) this.free.push(sequence);
  }

  /** Refuses new calls and fails every waiting one with `error` (shutdown). */
  close(error: Error): void {
    this.closed = error;
    this.queue.rejectAll(error);
  }
}
