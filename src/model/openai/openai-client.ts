/**
 * HTTP to an OpenAI-compatible server: one request with its retries (refused connection, 429, 5xx,
 * honouring Retry-After), under a deadline that the caller's signal, the time limit and close all
 * end; failures become TailorErrors with one line for the operator naming the setting to check.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { isTailorError, TailorError } from "../../core/errors.js";
import { EN } from "../../core/messages/catalog.js";
import type { Logger } from "../../core/ports.js";
import { bodySnippet, rejectionHint, safeUrl } from "./rejection-hint.js";
import { isRetryableNetworkError, isRetryableStatus, networkErrorCode, retryDelayMs } from "./retry-policy.js";

export type Endpoint = "chat" | "models";

/** How a request is made: streamed requests ask for server-sent events. */
export interface RequestInit {
  method: "GET" | "POST";
  body?: string;
  stream?: boolean;
}

export interface Deadline {
  signal: AbortSignal;
  caller?: AbortSignal;
}

/** The server answered a streamed request with 400 (or 422) naming `stream`: it does not stream. */
export class StreamingRefused extends Error {}

export interface OpenAiClientOptions {
  baseUrl: string;
  apiKey?: string;
  retryBaseMs: number;
  retryCapMs: number;
  logger: Logger;
  fetch?: typeof fetch;
}

export type OpenAiClient = ReturnType<typeof createOpenAiClient>;

export function createOpenAiClient(options: OpenAiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const shownUrl = safeUrl(base);
  const { retryBaseMs, retryCapMs, logger } = options;
  const doFetch = options.fetch ?? globalThis.fetch;
  const closing = new AbortController();
  const hintsLogged = new Set<string>();

  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const streamHeaders = { ...headers, accept: "text/event-stream" };

  const deadline = (caller: AbortSignal | undefined, ms: number): Deadline => {
    const signals = [AbortSignal.timeout(ms), closing.signal, ...(caller ? [caller] : [])];
    return { signal: AbortSignal.any(signals), caller };
  };

  /** Why the deadline's signal fired: the caller (or close) aborted, or time ran out. */
  const stopped = (d: Deadline, endpoint: Endpoint, cause: unknown): TailorError =>
    d.caller?.aborted || closing.signal.aborted
      ? new TailorError("model.aborted", `${endpoint} request aborted`, { cause })
      : new TailorError("model.timeout", `the OpenAI-compatible server did not answer in time (${endpoint})`, {
          cause,
          userMessage: EN.modelSlow,
        });

  /** Logs an operator hint the first time only. */
  const hintOnce = (hint: string, fields: Record<string, unknown>): void => {
    if (hintsLogged.has(hint)) return;
    hintsLogged.add(hint);
    logger.error(hint, fields);
  };

  /**
   * One request with its retries; `read` takes the body of a successful answer. A failure while
   * reading (the connection dropped mid-stream) is not retried: text may already have been streamed.
   */
  const send = async <T>(
    endpoint: Endpoint,
    init: RequestInit,
    d: Deadline,
    retries: number,
    read: (response: Response) => Promise<T>,
  ): Promise<T> => {
    const url = `${base}${endpoint === "chat" ? "/chat/completions" : "/models"}`;
    for (let attempt = 0; ; attempt += 1) {
      const wait = async (retryAfter: string | null, reason: Record<string, unknown>): Promise<void> => {
        const ms = retryDelayMs(attempt, retryAfter, { baseMs: retryBaseMs, capMs: retryCapMs, now: Date.now() });
        logger.warn("model server call failed, retrying", { endpoint, attempt: attempt + 1, waitMs: ms, ...reason });
        try {
          await sleep(ms, undefined, { signal: d.signal });
        } catch (error) {
          throw stopped(d, endpoint, error);
        }
      };

      let response: Response;
      try {
        response = await doFetch(url, {
          method: init.method,
          ...(init.body === undefined ? {} : { body: init.body }),
          headers: init.stream ? streamHeaders : headers,
          signal: d.signal,
        });
      } catch (error) {
        if (d.signal.aborted) throw stopped(d, endpoint, error);
        const code = networkErrorCode(error);
        if (attempt < retries && isRetryableNetworkError(error)) {
          await wait(null, { code });
          continue;
        }
        logger.error("cannot reach the OpenAI-compatible server: check TAILOR_LLM_URL", { url: shownUrl, code });
        throw new TailorError(
          "model.failed",
          `cannot reach the OpenAI-compatible server (${code ?? "network error"})`,
          {
            cause: error,
          },
        );
      }

      if (response.ok) {
        try {
          return await read(response);
        } catch (error) {
          if (d.signal.aborted) throw stopped(d, endpoint, error);
          if (isTailorError(error)) throw error;
          throw new TailorError("model.failed", `the OpenAI-compatible server's answer to ${endpoint} broke off`, {
            cause: error,
          });
        }
      }

      const text = await response.text().catch(() => "");
      if (init.stream && (response.status === 400 || response.status === 422) && /stream/i.test(text)) {
        throw new StreamingRefused(bodySnippet(text));
      }
      if (attempt < retries && isRetryableStatus(response.status)) {
        await wait(response.headers.get("retry-after"), { status: response.status });
        continue;
      }
      if (isRetryableStatus(response.status)) {
        logger.warn("the OpenAI-compatible server stayed unavailable", { endpoint, status: response.status });
      } else {
        hintOnce(rejectionHint(response.status, endpoint), { url: shownUrl, server: bodySnippet(text) });
      }
      throw new TailorError(
        "model.failed",
        `the OpenAI-compatible server answered ${endpoint} with HTTP ${response.status}`,
      );
    }
  };

  return {
    shownUrl,
    deadline,
    stopped,
    hintOnce,
    send,
    /** Ends every request in flight and every later one (model.aborted). */
    close: (): void => closing.abort(new Error("model closed")),
  };
}

/** Reads a JSON answer; anything else is a failed call. */
export const readJson =
  (endpoint: Endpoint) =>
  async (response: Response): Promise<unknown> => {
    const text = await response.text();
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new TailorError("model.failed", `the OpenAI-compatible server answered ${endpoint} with invalid JSON`, {
        cause: error,
      });
    }
  };
