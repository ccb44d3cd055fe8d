/**
 * A fixed pool of context sequences in front of a fair queue. A sequence is cleared before it goes
 * back to the pool, so no conversation sees another's tokens.
 */
import { FairQueue } from "./fair-queue.js";

export interface Poolable {
  clearHistory(): Promise<void>;
}

export class SequencePool<S extends Poolable> {
  private readonly free: S[];
  private readonly queue = new FairQueue<S>();
  private active = 0;

  constructor(readonly sequences: readonly S[]) {
    this.free = [...sequences];
  }

  stats(): { queued: number; active: number; sequences: number } {
    return { queued: this.queue.size, active: this.active, sequences: this.sequences.length };
  }

  async acquire(key: string, onPosition?: (position: number) => void, signal?: AbortSignal): Promise<S> {
    signal?.throwIfAborted();
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

  async release(sequence: S): Promise<void> {
    this.active -= 1;
    await sequence.clearHistory();
    if (!this.queue.serve(sequence)) this.free.push(sequence);
  }
}
