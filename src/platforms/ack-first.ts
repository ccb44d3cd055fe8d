/**
 * Acknowledgements before turn work. Slack wants every command and click acknowledged within 3 s,
 * Discord every interaction, and one process both acknowledges and runs the turns: a burst of
 * commands arrives while the turns of earlier ones compute (retrieval, validation, rendering, API
 * calls), and each such chunk delays every acknowledgement queued behind it (`npm run bench:ack`
 * measured a p99 twice the bare app's).
 *
 * Adapters report each incoming request (`arrived`) and run their turns, once acknowledged, as
 * background work (`background`). The turns' ports (store, model, platform API: see `wrap`) give way
 * after each I/O step: while requests are still arriving, the step's result is held until `quietMs`
 * have passed without one (at most `maxWaitMs`, so turns never starve under steady load). Work
 * outside `background`, such as what a listener does before its acknowledgement, never waits.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export class AckFirst {
  #lastArrival = Number.NEGATIVE_INFINITY;
  readonly #background = new AsyncLocalStorage<true>();

  constructor(
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** An incoming request (event, command, click) that will be acknowledged. */
  arrived(): void {
    this.#lastArrival = performance.now();
  }

  /** Runs `work` as background work: its ports' steps give way to arriving requests. */
  background<T>(work: () => Promise<T>): Promise<T> {
    return this.#background.run(true, work);
  }

  /** In background work, waits while requests are arriving; elsewhere returns at once. */
  async giveWay(): Promise<void> {
    if (!this.#background.getStore()) return;
    const deadline = performance.now() + this.maxWaitMs;
    for (;;) {
      const now = performance.now();
      const quietAt = this.#lastArrival + this.quietMs;
      if (now >= quietAt || now >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietAt, deadline) - now));
    }
  }

  /** `promise`'s outcome, once background work may go on with it. */
  async after<T>(promise: Promise<T>): Promise<T> {
    try {
      return await promise;
    } finally {
      await this.giveWay();
    }
  }

  /**
   * `target` (a store, a model, a platform client) whose methods, at any depth
   * (`client.chat.postMessage`), give way once the promise they return settles.
   */
  wrap<T extends object>(target: T): T {
    return new Proxy(target, {
      get: (object, property) => {
        const value: unknown = Reflect.get(object, property);
        if (typeof value === "function")
          return (...args: unknown[]) => {
            const result: unknown = value.apply(object, args);
            return result instanceof Promise ? this.after(result) : result;
          };
        return typeof value === "object" && value !== null ? this.wrap(value) : value;
      },
    });
  }
}

/** Quiet that means a burst of requests is over. */
const QUIET_MS = 10;
/** The longest one step of a turn waits for quiet. */
const MAX_WAIT_MS = 250;
