/**
 * The real engine (library, retrieval, memory store) over the OpenAI-compatible backend, against
 * the local stand-in server: a conversation reaches its prompt, and a server failure becomes the
 * engine's resumable error reply, which the retry control then completes.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createTailorEngine } from "../../src/core/engine/create-tailor-engine.js";
import type { EngineReply, InboundEvent, InboundEventBody } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";
import { createOpenAiModel, type OpenAiModel } from "../../src/model/openai/create-openai-model.js";
import { createStore } from "../../src/store/create-store.js";
import { answerByCall, type ChatBody } from "../fixtures/model-server.js";
import { type OpenAiStandin, startOpenAiStandin } from "../fixtures/openai-standin.js";

const KEY = { platform: "terminal", workspace: "local", channel: "cli", thread: "main" } as const;
const INTENT = "write a cold email to an investor about our seed round";

let standin: OpenAiStandin | undefined;
let model: OpenAiModel | undefined;
afterEach(async () => {
  await model?.close();
  await standin?.close();
  standin = undefined;
  model = undefined;
});

async function setup() {
  standin = await startOpenAiStandin({ answer: answerByCall });
  model = createOpenAiModel({
    baseUrl: standin.url,
    model: "served-model",
    retryBaseMs: 1,
    maxRetries: 1,
    logger: silentLogger,
  });
  const store = await createStore({ url: "memory://", logger: silentLogger });
  const engine = createTailorEngine({
    store,
    model,
    clock: { now: () => Date.now() },
    logger: silentLogger,
  });
  let n = 0;
  const send = (body: InboundEventBody): Promise<EngineReply[]> =>
    engine.handle({ ...body, eventId: `e${++n}`, key: KEY, user: { id: "me" } } as InboundEvent);
  return { standin, send };
}

describe("the engine over an OpenAI-compatible server", () => {
  it("asks its questions, takes a typed answer and delivers the prompt, one schema per call", async () => {
    const { standin, send } = await setup();

    const first = await send({ kind: "start", text: INTENT });
    expect(first.map((r) => r.kind)).toEqual(["questions"]);
    const replies = await send({ kind: "message", text: "angel investors, keep it warm", mayStart: false });
    const prompt = replies.find((r) => r.kind === "prompt");
    expect(prompt?.kind === "prompt" && prompt.text).toContain("angel investors, keep it warm");

    const chats = standin.chatRequests().map((r) => r.body as ChatBody);
    expect(chats.map((c) => c.response_format.json_schema.name)).toEqual(["analyse", "integrate", "synthesize"]);
    expect(chats[0]?.messages[1]?.content).toContain(INTENT);
  });

  it("turns a server error into a resumable error reply, and retry finishes the step", async () => {
    const { standin, send } = await setup();
    standin.script({ status: 503 }, { status: 503 });

    const failed = await send({ kind: "start", text: INTENT });
    const error = failed.find((r) => r.kind === "error");
    expect(error).toMatchObject({ kind: "error", retry: true });
    expect(error?.kind === "error" && error.message).not.toContain("503");

    const retried = await send({ kind: "retry" });
    expect(retried.map((r) => r.kind)).toEqual(["questions"]);
  });
});
