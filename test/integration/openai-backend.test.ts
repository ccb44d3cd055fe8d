/**
 * The OpenAI-compatible backend against a local stand-in server over a real socket.
 */
import { afterEach, describe, expect, it } from "vitest";
import { isTailorError, type TailorError } from "../../src/core/errors.js";
import type { LogFields, Logger, ModelRequest, ModelUsage } from "../../src/core/ports.js";
import { createOpenAiModel } from "../../src/model/openai/create-openai-model.js";
import {
  answerPieces,
  chatChunk,
  chatCompletion,
  type OpenAiStandin,
  STANDIN_MODEL,
  startOpenAiStandin,
} from "../fixtures/openai-standin.js";

const SCHEMA = {
  type: "object",
  properties: { answer: { type: "string", maxLength: 20 } },
  required: ["answer"],
  additionalProperties: false,
} as const;

const request = (extra: Partial<ModelRequest> = {}): ModelRequest => ({
  call: "analyse",
  system: "You analyse intents.",
  user: "Intent: write a cover letter",
  schema: SCHEMA,
  maxTokens: 256,
  fairnessKey: "user-1",
  ...extra,
});

function recordingLogger() {
  const lines: { level: string; message: string; fields?: LogFields }[] = [];
  const make = (): Logger => ({
    debug: (message, fields) => lines.push({ level: "debug", message, fields }),
    info: (message, fields) => lines.push({ level: "info", message, fields }),
    warn: (message, fields) => lines.push({ level: "warn", message, fields }),
    error: (message, fields) => lines.push({ level: "error", message, fields }),
    child: () => make(),
  });
  return { logger: make(), lines, text: () => JSON.stringify(lines) };
}

async function failure(promise: Promise<unknown>): Promise<TailorError> {
  try {
    await promise;
  } catch (error) {
    if (isTailorError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

let standin: OpenAiStandin | undefined;
afterEach(async () => {
  await standin?.close();
  standin = undefined;
});

describe("OpenAI-compatible backend", () => {
  it("sends system and user turns with a strict json_schema response_format and returns the content", async () => {
    standin = await startOpenAiStandin({ answer: () => '{"answer":"ok"}' });
    const { logger } = recordingLogger();
    const model = createOpenAiModel({ baseUrl: `${standin.url}/`, model: "llama3", apiKey: "sk-test-1234", logger });

    const text = await model.generateJson(request());

    expect(text).toBe('{"answer":"ok"}');
    const [sent] = standin.chatRequests();
    expect(sent?.path).toBe("/v1/chat/completions");
    expect(sent?.headers.authorization).toBe("Bearer sk-test-1234");
    expect(sent?.body).toMatchObject({
      model: "llama3",
      max_tokens: 256,
      messages: [
        { role: "system", content: "You analyse intents." },
        { role: "user", content: "Intent: write a cover letter" },
      ],
      response_format: { type: "json_schema", json_schema: { name: "analyse", schema: SCHEMA, strict: true } },
    });
    expect((sent?.body as { temperature?: number } | undefined)?.temperature).toBeLessThanOrEqual(0.3);
    // Nobody listens for the text as it comes: no streaming asked for.
    expect(sent?.body).not.toHaveProperty("stream");
  });

  it("sends no Authorization header without a key", async () => {
    standin = await startOpenAiStandin({ answer: () => "{}" });
    const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
    await model.generateJson(request());
    expect(standin.chatRequests()[0]?.headers.authorization).toBeUndefined();
  });

  it("uses the first model the server lists when no model is configured", async () => {
    standin = await startOpenAiStandin({ answer: () => "{}" });
    const model = createOpenAiModel({ baseUrl: standin.url, logger: recordingLogger().logger });
    await model.generateJson(request());
    await model.generateJson(request({ call: "synthesize" }));
    const chats = standin.chatRequests();
    expect(chats.map((r) => (r.body as { model: string }).model)).toEqual([STANDIN_MODEL, STANDIN_MODEL]);
    expect(standin.requests.filter((r) => r.path.endsWith("/models"))).toHaveLength(1);
  });

  it("retries a 500 and a 503 (honouring Retry-After) and then succeeds", async () => {
    standin = await startOpenAiStandin({ answer: () => '{"answer":"third"}' });
    standin.script(
      { status: 500, json: { error: { message: "boom" } } },
      { status: 503, json: { error: { message: "loading" } }, headers: { "retry-after": "0" } },
    );
    const model = createOpenAiModel({
      baseUrl: standin.url,
      model: "m",
      retryBaseMs: 1,
      logger: recordingLogger().logger,
    });
    expect(await model.generateJson(request())).toBe('{"answer":"third"}');
    expect(standin.chatRequests()).toHaveLength(3);
  });

  it("retries a 429 and gives up after maxRetries with model.failed", async () => {
    standin = await startOpenAiStandin();
    standin.script({ status: 429 }, { status: 429 }, { status: 429 }, { status: 429 });
    const model = createOpenAiModel({
      baseUrl: standin.url,
      model: "m",
      maxRetries: 2,
      retryBaseMs: 1,
      logger: recordingLogger().logger,
    });
    const error = await failure(model.generateJson(request()));
    expect(error.code).toBe("model.failed");
    expect(error.retryable).toBe(true);
    expect(standin.chatRequests()).toHaveLength(3);
  });

  it("does not retry a 401 and logs a line naming TAILOR_LLM_API_KEY without the key", async () => {
    standin = await startOpenAiStandin();
    standin.script({ status: 401, json: { error: { message: "invalid api key" } } });
    const log = recordingLogger();
    const model = createOpenAiModel({
      baseUrl: standin.url,
      model: "m",
      apiKey: "sk-secret-9876",
      retryBaseMs: 1,
      logger: log.logger,
    });
    const error = await failure(model.generateJson(request()));
    expect(error.code).toBe("model.failed");
    expect(standin.chatRequests()).toHaveLength(1);
    expect(log.lines.some((l) => l.level === "error" && l.message.includes("TAILOR_LLM_API_KEY"))).toBe(true);
    expect(log.text()).not.toContain("sk-secret-9876");
  });

  it("does not retry a 404 and points at TAILOR_LLM_URL and TAILOR_LLM_MODEL", async () => {
    standin = await startOpenAiStandin();
    standin.script({ status: 404, json: { error: { message: "model not found" } } });
    const log = recordingLogger();
    const model = createOpenAiModel({ baseUrl: standin.url, model: "nope", retryBaseMs: 1, logger: log.logger });
    expect((await failure(model.generateJson(request()))).code).toBe("model.failed");
    expect(standin.chatRequests()).toHaveLength(1);
    const hint = log.lines.find((l) => l.level === "error")?.message ?? "";
    expect(hint).toContain("TAILOR_LLM_URL");
    expect(hint).toContain("TAILOR_LLM_MODEL");
  });

  it("turns a server that never answers into model.timeout", async () => {
    standin = await startOpenAiStandin();
    standin.script({ hang: true });
    const model = createOpenAiModel({
      baseUrl: standin.url,
      model: "m",
      timeoutMs: 200,
      logger: recordingLogger().logger,
    });
    const error = await failure(model.generateJson(request()));
    expect(error.code).toBe("model.timeout");
    expect(error.retryable).toBe(true);
  });

  it("turns the caller's abort into model.aborted", async () => {
    standin = await startOpenAiStandin();
    standin.script({ hang: true });
    const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
    const controller = new AbortController();
    const pending = model.generateJson(request({ signal: controller.signal }));
    while (standin.chatRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    const error = await failure(pending);
    expect(error.code).toBe("model.aborted");
  });

  it("retries a refused connection, then fails with a line naming TAILOR_LLM_URL", async () => {
    standin = await startOpenAiStandin();
    const url = standin.url;
    await standin.close();
    standin = undefined;
    const log = recordingLogger();
    const model = createOpenAiModel({ baseUrl: url, model: "m", maxRetries: 1, retryBaseMs: 1, logger: log.logger });
    const error = await failure(model.generateJson(request()));
    expect(error.code).toBe("model.failed");
    expect(log.lines.filter((l) => l.message.includes("retrying"))).toHaveLength(1);
    expect(log.lines.some((l) => l.level === "error" && l.message.includes("TAILOR_LLM_URL"))).toBe(true);
  });

  it("returns a cut-off answer for the engine to judge, with a warning naming the call", async () => {
    standin = await startOpenAiStandin();
    const cut = chatCompletion('{"answer":"tru') as { choices: { finish_reason: string }[] };
    cut.choices[0]!.finish_reason = "length";
    standin.script({ json: cut });
    const log = recordingLogger();
    const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: log.logger });
    expect(await model.generateJson(request())).toBe('{"answer":"tru');
    const warning = log.lines.find((l) => l.level === "warn");
    expect(warning?.message).toContain("cut");
    expect(warning?.fields).toMatchObject({ call: "analyse", maxTokens: 256 });
  });

  it("fails calls in flight and later ones with model.aborted once closed", async () => {
    standin = await startOpenAiStandin();
    standin.script({ hang: true });
    const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
    const pending = model.generateJson(request());
    while (standin.chatRequests().length === 0) await new Promise((r) => setTimeout(r, 5));
    await model.close();
    expect((await failure(pending)).code).toBe("model.aborted");
    expect((await failure(model.generateJson(request()))).code).toBe("model.aborted");
    expect(standin.chatRequests()).toHaveLength(1);
  });

  it("turns a server that never lists its models into model.timeout when no model is configured", async () => {
    standin = await startOpenAiStandin();
    standin.script({ hang: true });
    const model = createOpenAiModel({ baseUrl: standin.url, timeoutMs: 200, logger: recordingLogger().logger });
    expect((await failure(model.generateJson(request()))).code).toBe("model.timeout");
    expect(standin.chatRequests()).toHaveLength(0);
    // The failed lookup is not remembered: the next call asks the (now answering) server again.
    expect(await model.generateJson(request())).toBe("{}");
    expect(standin.chatRequests()[0]?.body).toMatchObject({ model: STANDIN_MODEL });
  });

  it("answers a 200 without content as model.failed", async () => {
    standin = await startOpenAiStandin();
    standin.script({ json: { choices: [] } });
    const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
    expect((await failure(model.generateJson(request()))).code).toBe("model.failed");
  });

  describe("streaming (onText)", () => {
    const ANSWER = '{"answer":"a streamed reply ✓"}';

    it("asks for stream: true and passes the server-sent pieces on in order; the result is their join", async () => {
      standin = await startOpenAiStandin({ answer: () => ANSWER });
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
      const pieces: string[] = [];
      const usage: ModelUsage[] = [];
      const text = await model.generateJson(
        request({ onText: (delta) => pieces.push(delta), onUsage: (u) => usage.push(u) }),
      );
      expect(text).toBe(ANSWER);
      expect(pieces).toEqual(answerPieces(ANSWER));
      expect(pieces.join("")).toBe(text);
      const [sent] = standin.chatRequests();
      expect(sent?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
      expect(sent?.headers.accept).toBe("text/event-stream");
      // The usage of the last chunk.
      expect(usage).toEqual([{ promptTokens: expect.any(Number), reusedTokens: 0, generatedTokens: pieces.length }]);
    });

    it("a server that refuses streaming gets the call once more without it, and no streamed call after", async () => {
      standin = await startOpenAiStandin({ answer: () => ANSWER });
      standin.script({ status: 400, json: { error: { message: "'stream' is not supported by this server" } } });
      const log = recordingLogger();
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: log.logger });
      const pieces: string[] = [];
      expect(await model.generateJson(request({ onText: (delta) => pieces.push(delta) }))).toBe(ANSWER);
      // The whole answer as one piece: listeners still see the text.
      expect(pieces).toEqual([ANSWER]);
      expect(await model.generateJson(request({ onText: () => undefined }))).toBe(ANSWER);
      expect(standin.chatRequests().map((r) => (r.body as { stream?: boolean }).stream)).toEqual([
        true,
        undefined,
        undefined,
      ]);
      expect(log.lines.filter((l) => l.message.includes("refuses streaming"))).toHaveLength(1);
    });

    it("a 400 that is not about streaming fails as today, without a second request", async () => {
      standin = await startOpenAiStandin();
      standin.script({ status: 400, json: { error: { message: "response_format json_schema unsupported" } } });
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
      expect((await failure(model.generateJson(request({ onText: () => undefined })))).code).toBe("model.failed");
      expect(standin.chatRequests()).toHaveLength(1);
    });

    it("a server that answers a streamed request with plain JSON is read as such, in one piece", async () => {
      standin = await startOpenAiStandin();
      standin.script({ json: chatCompletion(ANSWER) });
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
      const pieces: string[] = [];
      expect(await model.generateJson(request({ onText: (delta) => pieces.push(delta) }))).toBe(ANSWER);
      expect(pieces).toEqual([ANSWER]);
    });

    it("a stop while the answer streams ends the call at once with model.aborted", async () => {
      standin = await startOpenAiStandin();
      // Two pieces, then the server keeps the stream open as if still generating.
      standin.script({ sse: [chatChunk('{"ans'), chatChunk('wer":')], hang: true });
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: recordingLogger().logger });
      const controller = new AbortController();
      const pieces: string[] = [];
      const error = await failure(
        model.generateJson(
          request({
            signal: controller.signal,
            onText: (delta) => {
              pieces.push(delta);
              if (pieces.length === 2) controller.abort();
            },
          }),
        ),
      );
      expect(error.code).toBe("model.aborted");
      expect(pieces).toEqual(['{"ans', 'wer":']);
      expect(standin.chatRequests()).toHaveLength(1);
    });

    it("a stream that stalls past the deadline is model.timeout", async () => {
      standin = await startOpenAiStandin();
      standin.script({ sse: [chatChunk('{"ans')], hang: true });
      const model = createOpenAiModel({
        baseUrl: standin.url,
        model: "m",
        timeoutMs: 300,
        logger: recordingLogger().logger,
      });
      const pieces: string[] = [];
      const error = await failure(model.generateJson(request({ onText: (delta) => pieces.push(delta) })));
      expect(error.code).toBe("model.timeout");
      expect(pieces).toEqual(['{"ans']);
    });

    it("a stream that ends before the answer finished, or reports an error, is model.failed and not retried", async () => {
      standin = await startOpenAiStandin();
      standin.script(
        { sse: [chatChunk('{"ans')] },
        { sse: [chatChunk('{"ans'), JSON.stringify({ error: { message: "out of memory", code: 500 } })] },
      );
      const log = recordingLogger();
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", retryBaseMs: 1, logger: log.logger });
      const cut = await failure(model.generateJson(request({ onText: () => undefined })));
      expect(cut.code).toBe("model.failed");
      expect(cut.message).toContain("before the answer finished");
      const reported = await failure(model.generateJson(request({ onText: () => undefined })));
      expect(reported.code).toBe("model.failed");
      expect(reported.message).toContain("out of memory");
      expect(standin.chatRequests()).toHaveLength(2);
    });

    it("retries a 503 before the stream starts, then streams", async () => {
      standin = await startOpenAiStandin({ answer: () => ANSWER });
      standin.script({ status: 503, headers: { "retry-after": "0" } });
      const model = createOpenAiModel({
        baseUrl: standin.url,
        model: "m",
        retryBaseMs: 1,
        logger: recordingLogger().logger,
      });
      const pieces: string[] = [];
      expect(await model.generateJson(request({ onText: (delta) => pieces.push(delta) }))).toBe(ANSWER);
      expect(pieces.join("")).toBe(ANSWER);
      expect(standin.chatRequests().map((r) => (r.body as { stream?: boolean }).stream)).toEqual([true, true]);
    });

    it("a listener that throws does not fail the call", async () => {
      standin = await startOpenAiStandin({ answer: () => ANSWER });
      const log = recordingLogger();
      const model = createOpenAiModel({ baseUrl: standin.url, model: "m", logger: log.logger });
      const text = await model.generateJson(
        request({
          onText: () => {
            throw new Error("listener broke");
          },
        }),
      );
      expect(text).toBe(ANSWER);
      expect(log.lines.some((l) => l.level === "warn" && l.message.includes("streaming listener"))).toBe(true);
    });
  });

  it("ping succeeds against a live server and throws model.unavailable against a rejecting one", async () => {
    standin = await startOpenAiStandin();
    const model = createOpenAiModel({ baseUrl: standin.url, apiKey: "k-123456", logger: recordingLogger().logger });
    await model.ping();
    expect(standin.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(standin.requests.at(-1)?.headers.authorization).toBe("Bearer k-123456");
    standin.script({ status: 401 });
    expect((await failure(model.ping())).code).toBe("model.unavailable");
  });

  it("describes itself without the key", async () => {
    const model = createOpenAiModel({
      baseUrl: "http://user:pw@127.0.0.1:9/v1/",
      model: "llama3",
      apiKey: "sk-never-shown",
      logger: recordingLogger().logger,
    });
    expect(model.describe()).toContain("llama3");
    expect(model.describe()).not.toContain("sk-never-shown");
    expect(model.describe()).not.toContain("pw");
  });
});
