/**
 * The model port over an OpenAI-compatible server (vLLM, llama.cpp server, Ollama, hosted APIs):
 * `POST {baseUrl}/chat/completions` with a strict JSON schema per call. Used when TAILOR_LLM_URL
 * is set, in place of the in-process model.
 */

import { setTimeout as sleep } from "node:timers/promises";
import { TailorError } from "../../core/errors.js";
import { EN } from "../../core/messages/catalog.js";
import type { Logger, ModelPort, ModelRequest } from "../../core/ports.js";
import { chatCompletionBody, completionText, completionUsage, finishReason, firstModelId } from "./chat-request.js";
import { bodySnippet, rejectionHint, safeUrl } from "./rejection-hint.js";
import { isRetryableNetworkError, isRetryableStatus, networkErrorCode, retryDelayMs } from "./retry-policy.js";

export interface OpenAiModelOptions {
  /** Base URL of the API, usually ending in `/v1`; a trailing slash is fine. */
  baseUrl: string;
  /** Model name sent with each call; without it, the first id the server lists at `/models`. */
  model?: string;
  apiKey?: string;
  /** Deadline of one call, retries and waits included. Default 120 s. */
  timeoutMs?: number;
  /** Further tries after a failure that is safe to retry (refused connection, 429, 5xx). Default 2. */
  maxRetries?: number;
  /** Wait before the first retry, doubled for each next one. Default 500 ms. */
  retryBaseMs?: number;
  /** Longest wait before a retry, a server's Retry-After included. Default 5 s. */
  retryCapMs?: number;
  logger: Logger;
  fetch?: typeof fetch;
}

export type OpenAiModel = ModelPort & {
  /** Readiness: resolves when the server answers `GET /models`; throws TailorError("model.unavailable") otherwise. */
  ping(signal?: AbortSignal): Promise<void>;
};

type Endpoint = "chat" | "models";

interface Deadline {
  signal: AbortSignal;
  caller?: AbortSignal;
}

export function createOpenAiModel(options: OpenAiModelOptions): OpenAiModel {
  const base = options.baseUrl.replace(/\/+$/, "");
  const shownUrl = safeUrl(base);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxRetries = options.maxRetries ?? 2;
  const retryBaseMs = options.retryBaseMs ?? 500;
  const retryCapMs = options.retryCapMs ?? 5_000;
  const doFetch = options.fetch ?? globalThis.fetch;
  const logger = options.logger.child({ backend: "openai-compatible" });
  const closing = new AbortController();
  const hintsLogged = new Set<string>();
  let modelId: Promise<string> | undefined = options.model ? Promise.resolve(options.model) : undefined;

  const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

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

  const hintOnce = (hint: string, fields: Record<string, unknown>): void => {
    if (hintsLogged.has(hint)) return;
    hintsLogged.add(hint);
    logger.error(hint, fields);
  };

  const send = async (
    endpoint: Endpoint,
    init: { method: "GET" | "POST"; body?: string },
    d: Deadline,
    retries: number,
  ): Promise<unknown> => {
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
        response = await doFetch(url, { ...init, headers, signal: d.signal });
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
          return await response.json();
        } catch (error) {
          if (d.signal.aborted) throw stopped(d, endpoint, error);
          throw new TailorError("model.failed", `the OpenAI-compatible server answered ${endpoint} with invalid JSON`, {
            cause: error,
          });
        }
      }

      const text = await response.text().catch(() => "");
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

  const resolveModel = (d: Deadline): Promise<string> => {
    modelId ??= send("models", { method: "GET" }, d, maxRetries).then((body) => {
      const id = firstModelId(body);
      if (id) {
        logger.info("using the server's first model (set TAILOR_LLM_MODEL to choose)", { model: id });
        return id;
      }
      hintOnce("the OpenAI-compatible server lists no model at /models: set TAILOR_LLM_MODEL", { url: shownUrl });
      throw new TailorError("model.failed", "the OpenAI-compatible server lists no model");
    });
    const pending = modelId;
    // A failed lookup is not cached: the next call asks again (the server may have been starting).
    pending.catch(() => {
      if (modelId === pending) modelId = undefined;
    });
    return pending;
  };

  return {
    async generateJson(request: ModelRequest): Promise<string> {
      const d = deadline(request.signal, timeoutMs);
      if (d.signal.aborted) throw stopped(d, "chat", d.signal.reason);
      request.onQueuePosition?.(0);
      const model = await resolveModel(d);
      logger.debug("model call", { call: request.call, model, maxTokens: request.maxTokens });
      const body = await send(
        "chat",
        { method: "POST", body: JSON.stringify(chatCompletionBody(request, model)) },
        d,
        maxRetries,
      );
      const text = completionText(body);
      const usage = completionUsage(body);
      if (usage) request.onUsage?.(usage);
      // A cut-off answer fails the engine's validation; the log says why so the operator can act.
      if (finishReason(body) === "length") {
        logger.warn(
          "the server cut the answer off (finish_reason length: max_tokens or its context size reached); check the context size it serves with",
          {
            call: request.call,
            maxTokens: request.maxTokens,
          },
        );
      }
      return text;
    },

    async ping(signal?: AbortSignal): Promise<void> {
      const d = deadline(signal, Math.min(timeoutMs, 10_000));
      try {
        await send("models", { method: "GET" }, d, 0);
      } catch (error) {
        throw new TailorError("model.unavailable", `OpenAI-compatible server at ${shownUrl} is not ready`, {
          cause: error,
        });
      }
    },

    describe(): string {
      return `openai-compatible ${shownUrl} model=${options.model ?? "(first listed by the server)"}`;
    },

    async close(): Promise<void> {
      closing.abort(new Error("model closed"));
    },
  };
}
