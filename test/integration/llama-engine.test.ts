import type { ChatHistoryItem } from "node-llama-cpp";
import { afterAll, describe, expect, it } from "vitest";
import { createTailorEngine } from "../../src/core/engine/create-tailor-engine.js";
import type { EngineReply, InboundEvent, InboundEventBody } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";
import { createLlamaModel, type LlamaModel } from "../../src/model/llama/create-llama-model.js";
import { createStore } from "../../src/store/create-store.js";
import { ensureFixtureModels } from "../fixtures/gguf/ensure-fixture-models.js";

const KEY = { platform: "terminal", workspace: "local", channel: "cli", thread: "main" } as const;

describe("the engine on the real runtime (tiny random-weight model)", () => {
  let model: LlamaModel | undefined;
  afterAll(async () => {
    await model?.close();
  });

  it("carries a conversation to a prompt with valid JSON at every call, within the call budget", async () => {
    const fixtures = await ensureFixtureModels();
    const histories: ChatHistoryItem[][] = [];
    // Sampling (temperature 1) keeps a random model's JSON strings short; the seed makes the run reproducible.
    model = await createLlamaModel({
      modelPath: fixtures.model,
      loras: [{ path: fixtures.lora, scale: 0.5 }],
      gpu: false,
      threads: 1,
      sequences: 1,
      contextSize: 16384,
      temperature: 1,
      seed: 11,
      logger: silentLogger,
      inspect: (h) => histories.push(h),
    });
    const store = await createStore({ url: "memory://", logger: silentLogger });
    const engine = createTailorEngine({
      store,
      model,
      clock: { now: () => Date.now() },
      logger: silentLogger,
    });
    const intent = "write a cold email to an investor about our seed round";
    let n = 0;
    const send = (body: InboundEventBody) =>
      engine.handle({ ...body, eventId: `e${++n}`, key: KEY, user: { id: "me" } } as InboundEvent);

    let replies: EngineReply[] = await send({ kind: "start", text: intent });
    if (replies.some((r) => r.kind === "questions")) replies = await send({ kind: "skip" });
    expect(replies.map((r) => r.kind)).toEqual(["prompt"]);
    const loaded = await store.load(KEY);
    if (loaded.status !== "found") throw new Error("conversation missing");
    expect(loaded.conversation.modelCalls).toBeLessThanOrEqual(3);
    // What reached node-llama-cpp: the intent verbatim, delimited, and the retrieval hint in the first call.
    const first = JSON.stringify(histories[0]);
    expect(first).toContain(JSON.stringify(`<intent>\n${intent}\n</intent>`).slice(1, -1));
    expect(first).toContain("Likely domains (a hint from keyword search): email");
  }, 600_000);
});
