/**
 * The model port over an OpenAI-compatible server (vLLM, llama.cpp server, Ollama, hosted APIs):
 * `POST {baseUrl}/chat/completions` with a strict JSON schema per call. Used when TAILOR_LLM_URL
 * is set, in place of the in-process model. A call with `onText` streams (`stream: true`); a server
 * that refuses streaming gets the call again without it, and no streamed calls after that.
 */

import { setTimeout as sleep } from "node:timers/promises";
import { isTailorError, TailorError } from "../../core/errors.js";
import { EN } from "../../core/messages/catalog.js";
import type { Logger, ModelPort, ModelRequest } from "../../core/ports.js";
import { chatCompletionBody, completionText, completionUsage, finishReason, firstModelId } from "./chat-request.js";
import { bodySnippet, rejectionHint, safeUrl } from "./rejection-hint.js";
import { isRetryableNetworkError, isRetryableStatus, networkErrorCode, retryDelayMs } from "./retry-policy.js";
import { type CompletionResult, readStreamedCompletion } from "./streamed-completion.js";

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

/** How a request is made: streamed requests ask for server-sent events. */
interface RequestInit {
  method: "GET" | "POST";
  body?: string;
  stream?: boolean;
}

/** The server answered a streamed request with 400 (or 422) naming `stream`: it does not stream. */
class StreamingRefused extends Error {}

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

  let streamingRefused = false;

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

  const resolveModel = (d: Deadline): Promise<string> => {
    modelId ??= send("models", { method: "GET" }, d, maxRetries, readJson("models")).then((body) => {
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

  /** The whole answer at once; a streaming caller gets it as one piece. */
  const completeAtOnce = async (
    request: ModelRequest,
    model: string,
    d: Deadline,
    onText?: (delta: string) => void,
  ): Promise<CompletionResult> => {
    const body = JSON.stringify(chatCompletionBody(request, model));
    const result = completionResult(await send("chat", { method: "POST", body }, d, maxRetries, readJson("chat")));
    if (result.text !== "") onText?.(result.text);
    return result;
  };

  /** Streamed; a server that answers a streamed request with plain JSON anyway is read as such. */
  const completeStreamed = async (
    request: ModelRequest,
    model: string,
    d: Deadline,
    onText: (delta: string) => void,
  ): Promise<CompletionResult> => {
    const body = JSON.stringify(chatCompletionBody(request, model, true));
    return send("chat", { method: "POST", body, stream: true }, d, maxRetries, async (response) => {
      const type = response.headers.get("content-type") ?? "";
      if (response.body && type.includes("text/event-stream")) return readStreamedCompletion(response.body, onText);
      const result = completionResult(await readJson("chat")(response));
      if (result.text !== "") onText(result.text);
      return result;
    });
  };

  const complete = async (request: ModelRequest, model: string, d: Deadline): Promise<CompletionResult> => {
    const onText = request.onText && guardedListener(request.onText);
    if (!onText || streamingRefused) return completeAtOnce(request, model, d, onText);
    try {
      return await completeStreamed(request, model, d, onText);
    } catch (error) {
      if (!(error instanceof StreamingRefused)) throw error;
      streamingRefused = true;
      logger.warn("the OpenAI-compatible server refuses streaming: prompts appear when finished", {
        server: error.message,
      });
      return completeAtOnce(request, model, d, onText);
    }
  };

  /** A failing stream listener must not fail the call. */
  const guardedListener =
    (onText: (delta: string) => void) =>
    (delta: string): void => {
      try {
        onText(delta);
      } catch (error) {
        logger.warn("a streaming listener failed", { error });
      }
    };

  return {
    async generateJson(request: ModelRequest): Promise<string> {
      const d = deadline(request.signal, timeoutMs);
      if (d.signal.aborted) throw stopped(d, "chat", d.signal.reason);
      request.onQueuePosition?.(0);
      const model = await resolveModel(d);
      logger.debug("model call", { call: request.call, model, maxTokens: request.maxTokens });
      const { text, usage, finishReason: finish } = await complete(request, model, d);
      if (usage) request.onUsage?.(usage);
      // A cut-off answer fails the engine's validation; the log says why so the operator can act.
      if (finish === "length") {
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
        await send("models", { method: "GET" }, d, 0, readJson("models"));
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

const readJson =
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

const completionResult = (body: unknown): CompletionResult => ({
  text: completionText(body),
  finishReason: finishReason(body),
  usage: completionUsage(body),
});
