/**
 * Admission for turns in one process: at most `limit` turns do their CPU-bound first part (claim,
 * root message, load, validation, the call's input) at a time; the rest wait, costing nothing. A turn
 * leaves the gate when it ends, or once it has waited `holdMs` with the event loop idle: it is then
 * waiting on I/O (a model call, a slow store or platform), which must not hold everyone else back. Without it a
 * burst of commands made every acknowledgement wait behind the burst's turn work (`npm run bench:ack`).
 */
export class TurnGate {
  #active = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    private readonly holdMs: number = ADMISSION_HOLD_MS,
  ) {}

  /** Waits for a place; resolves with its release (safe to call more than once). */
  async enter(): Promise<() => void> {
    if (this.#active >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#active += 1;
    let released = false;
    let timer: NodeJS.Timeout | undefined;
    // A timer that fires on time means the event loop is idle: the turn waits on I/O, so it lets the
    // next one in. One that fires late means the CPU is busy: the turn keeps its place.
    const arm = () => {
      const due = performance.now() + this.holdMs;
      timer = setTimeout(() => (performance.now() - due > BUSY_LAG_MS ? arm() : release()), this.holdMs);
      timer.unref();
    };
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      const next = this.#waiting.shift();
      // The place passes straight to the next turn, on a later tick (acknowledgements go first).
      if (next) setImmediate(next);
      else this.#active -= 1;
    };
    arm();
    return release;
  }

  get waiting(): number {
    return this.#waiting.length;
  }
}

/** Turns admitted at once per process: enough to keep the model's queue fed, few enough to ack first. */
export const TURNS_ADMITTED = 2;
/** How often a turn in the gate checks whether it is only waiting on I/O. */
export const ADMISSION_HOLD_MS = 50;
/** Lateness of that check that means the event loop is busy. */
const BUSY_LAG_MS = 20;
