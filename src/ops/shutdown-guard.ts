/**
 * Graceful shutdown: on SIGTERM every in-flight model call is aborted with a message telling the
 * user their conversation is saved (the engine stores the failed step, so retry resumes it after the
 * restart), and in-flight turns are given time to post that message before the adapters stop.
 */
import type { TailorEngine } from "../core/engine-api.js";
import { TailorError } from "../core/errors.js";
import type { ModelPort } from "../core/ports.js";
import { decorateModel } from "./decorate-model.js";

/** After the model is closed, how long turns get to save their step and post the restart notice. */
const FORCED_SETTLE_MS = 5_000;

const RESTART_MESSAGE =
  "PromptTailor is restarting. Your conversation is saved: press retry or send a message in a minute to go on.";

export class ShutdownGuard {
  private readonly controller = new AbortController();
  private readonly inFlight = new Set<Promise<unknown>>();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Model calls abort when shutdown begins, with a user-safe restart message. */
  guardModel<M extends ModelPort>(model: M): M {
    const shutdown = this.controller.signal;
    const generateJson: ModelPort["generateJson"] = async (request) => {
      if (shutdown.aborted) throw restarting();
      const signal = request.signal ? AbortSignal.any([request.signal, shutdown]) : shutdown;
      try {
        return await model.generateJson({ ...request, signal });
      } catch (error) {
        throw shutdown.aborted ? restarting(error) : error;
      }
    };
    return decorateModel(model, generateJson);
  }

  /** Tracks turns so shutdown can wait for them to post their last message. */
  guardEngine(engine: TailorEngine): TailorEngine {
    return {
      claim: (request, signal) => engine.claim(request, signal),
      defaults: (request, signal) => engine.defaults(request, signal),
      handle: (event, options) => {
        const turn = engine.handle(event, options);
        this.inFlight.add(turn);
        const done = () => this.inFlight.delete(turn);
        turn.then(done, done);
        return turn;
      },
    };
  }

  /**
   * Aborts model work and waits (bounded) for in-flight turns to settle. A model call that does not
   * notice the abort (node-llama-cpp checks it only between tokens, not while it evaluates a long
   * prompt on a slow CPU) is ended by `force` (closing the model) once `timeoutMs` have passed; its
   * turn then saves the step and tells the user, for up to 5 s more, before anything else closes.
   */
  async drain(timeoutMs: number, force?: () => Promise<unknown>): Promise<number> {
    this.controller.abort();
    const pending = [...this.inFlight];
    const settled = (ms: number) =>
      Promise.race([
        Promise.allSettled(pending).then(() => true),
        new Promise<false>((resolve) => setTimeout(() => resolve(false), ms).unref()),
      ]);
    if (!(await settled(timeoutMs)) && force) {
      await force().catch(() => undefined);
      await settled(FORCED_SETTLE_MS);
    }
    return pending.length;
  }
}

function restarting(cause?: unknown): TailorError {
  return new TailorError("model.aborted", "shutting down", { cause, userMessage: RESTART_MESSAGE, retryable: true });
}
