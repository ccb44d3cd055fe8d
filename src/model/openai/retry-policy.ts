/**
 * Which failures of an OpenAI-compatible server are worth another try, and how long to wait.
 * A chat completion changes nothing on the server, so a retry is safe wherever the server was
 * busy, restarting or unreachable; a request the server rejected (400/401/403/404/422) would only
 * be rejected again, and hammering it with a bad key gets clients banned by some gateways.
 */

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
/** Socket-level failures where nothing was processed: the server was down or dropped the connection. */
const RETRY_CAUSES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

export const isRetryableStatus = (status: number): boolean => RETRY_STATUSES.has(status);

/** A fetch rejection (TypeError "fetch failed") whose cause says the connection never got an answer. */
export function isRetryableNetworkError(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === "string" && RETRY_CAUSES.has(cause.code);
}

export function networkErrorCode(error: unknown): string | undefined {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Delay before retry number `attempt` (0-based): exponential from `baseMs`, or the server's
 * Retry-After (seconds or HTTP date) when given; both capped so a user is never kept waiting long.
 */
export function retryDelayMs(
  attempt: number,
  retryAfter: string | null,
  options: { baseMs: number; capMs: number; now: number },
): number {
  const fromHeader = parseRetryAfter(retryAfter, options.now);
  const delay = fromHeader ?? options.baseMs * 2 ** attempt;
  return Math.max(0, Math.min(delay, options.capMs));
}

function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - now;
}
