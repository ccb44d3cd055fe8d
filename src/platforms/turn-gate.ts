/**
 * Admission for turns in one process: at most `limit` turns do their CPU-bound first part (claim,
 * root message, load, validation, the call's input) at a time; the rest wait, costing nothing. A turn
 * leaves the gate once it waits on the model (its first progress report) or ends. Without it a burst
 * of commands made every acknowledgement wait behind the burst's turn work (`npm run bench:ack`).
 */
export class TurnGate {
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(private readonly limit: number) {}

  /** Waits for a place; resolves with its release (safe to call more than once). */
  async enter(): Promise<() => void> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // The place passes straight to the next turn, on a later tick (acknowledgements go first).
      if (next) setImmediate(next);
      else this.#active -= 1;
    };
  }

  get waiting(): number {
    return this.#waiting.length;
  }
}

/** Turns admitted at once per process: enough to keep the model's queue fed, few enough to ack first. */
export const TURNS_ADMITTED = 2;
