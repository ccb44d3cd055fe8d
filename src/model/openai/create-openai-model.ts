/**
 * The model port over an OpenAI-compatible server (vLLM, llama.cpp server, Ollama, hosted APIs):
 * `POST {baseUrl}/chat/completions` with a strict JSON schema per call. Used when TAILOR_LLM_URL
 * is set, in place of the in-process model. A call with `onText` streams (`stream: true`); a server
 * that refuses streaming gets the call again without it, and no streamed calls after that.
 */
import { TailorError } from "../../core/errors.js";
import type { Logger, ModelPort, ModelRequest } from "../../core/ports.js";
import { type CompletionResult, chatCompletionBody, completionResult, firstModelId } from "./chat-request.js";
import { createOpenAiClient, type Deadline, readJson, StreamingRefused } from "./openai-client.js";
import { readStreamedCompletion } from "./streamed-completion.js";

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

export function createOpenAiModel(options: OpenAiModelOptions): OpenAiModel {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const maxRetries = options.maxRetries ?? 2;
  const logger = options.logger.child({ backend: "openai-compatible" });
  const client = createOpenAiClient({
    baseUrl: options.baseUrl,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    retryBaseMs: options.retryBaseMs ?? 500,
    retryCapMs: options.retryCapMs ?? 5_000,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { send, shownUrl, hintOnce } = client;
  let modelId: Promise<string> | undefined = options.model ? Promise.resolve(options.model) : undefined;
  let streamingRefused = false;

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
      const d = client.deadline(request.signal, timeoutMs);
      if (d.signal.aborted) throw client.stopped(d, "chat", d.signal.reason);
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
      const d = client.deadline(signal, Math.min(timeoutMs, 10_000));
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
      client.close();
    },
  };
}
