/**
 * The guard around every store call: a deadline, the caller's AbortSignal, and one error type.
 * node-redis queues or stalls commands while Redis is away, so without a deadline a turn would hang;
 * and a failure must surface as TailorError("store.*"), never as "no conversation".
 */
import { isTailorError, TailorError } from "../core/errors.js";

export const DEFAULT_STORE_TIMEOUT_MS = 2_000;

/**
 * Runs `run` with a deadline. Rejects with TailorError("store.timeout") after `timeoutMs`,
 * TailorError("store.unavailable") when `run` fails, and the signal's reason when the caller aborts.
 * The signal given to `run` aborts on any of these, so a command still queued can be dropped.
 */
export async function storeCall<T>(
  operation: string,
  timeoutMs: number,
  signal: AbortSignal | undefined,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  signal?.throwIfAborted();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;

  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new TailorError("store.timeout", `store ${operation} timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    onAbort = () => reject(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
  });

  const work = (async () => run(controller.signal))().catch((error: unknown) => {
    if (isTailorError(error)) throw error;
    throw new TailorError("store.unavailable", `store ${operation} failed: ${describe(error)}`, { cause: error });
  });
  // Whichever loses the race must not become an unhandled rejection.
  work.catch(() => {});
  deadline.catch(() => {});

  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener("abort", onAbort);
    controller.abort(new TailorError("store.timeout", `store ${operation} abandoned`));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
