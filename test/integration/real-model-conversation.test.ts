/**
 * A whole conversation on a real instruct model (SmolLM2-135M-Instruct, Q4_1) through node-llama-cpp,
 * in process: analyse, one answered question round, synthesize, one refinement. What must hold
 * whatever the wording: every answer is JSON the engine validates, questions come with options, every
 * pinned value is in the prompt, the prompt is real words in the intent's script, 3 calls or fewer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTailorEngine } from "../../src/core/engine/create-tailor-engine.js";
import type { EngineReply, InboundEvent, InboundEventBody } from "../../src/core/engine-api.js";
import type { ConversationStore } from "../../src/core/ports.js";
import { recordingModel } from "../../src/eval/recording-model.js";
import { silentLogger } from "../../src/log/logger.js";
import { createLlamaModel, type LlamaModel } from "../../src/model/llama/create-llama-model.js";
import { createStore } from "../../src/store/create-store.js";
import { realModelOrSkip } from "../fixtures/real-model.js";

const fixture = await realModelOrSkip();
const KEY = { platform: "terminal", workspace: "local", channel: "real", thread: "main" } as const;
const TIMEOUT = 15 * 60_000;

async function converse(model: LlamaModel, store: ConversationStore, thread: string) {
  const recorder = recordingModel(model);
  const engine = createTailorEngine({ store, model: recorder, clock: { now: () => Date.now() }, logger: silentLogger });
  let n = 0;
  const send = (body: InboundEventBody): Promise<EngineReply[]> => {
    n += 1;
    return engine.handle({
      ...body,
      eventId: `real:${thread}:${n}`,
      key: { ...KEY, thread },
      user: { id: "u1" },
      direct: true,
    } as InboundEvent);
  };
  const load = async () => {
    const loaded = await store.load({ ...KEY, thread });
    if (loaded.status !== "found") throw new Error("no record");
    return loaded.conversation;
  };
  return { recorder, send, load };
}

const loadReal = (contextSize: number, seed: number) =>
  createLlamaModel({
    modelPath: fixture.path as string,
    gpu: false,
    threads: 2,
    sequences: 1,
    contextSize,
    seed,
    logger: silentLogger,
  });

const realWords = (text: string) => (text.match(/\b[A-Za-z]{3,}\b/g) ?? []).length;

describe.skipIf(!fixture.path)("a conversation on a real instruct model (SmolLM2-135M)", () => {
  let model: LlamaModel;
  let store: ConversationStore;
  beforeAll(async () => {
    model = await loadReal(4096, 7);
    store = await createStore({ url: "memory://", logger: silentLogger });
  }, TIMEOUT);
  afterAll(async () => {
    await model?.close();
    await store?.close();
  });

  it(
    "analyse, one answered round, synthesize, one refinement: valid JSON, options, pins kept, real words",
    async () => {
      const { recorder, send, load } = await converse(model, store, "full");
      const first = await send({ kind: "start", text: "email to my boss asking for friday off, keep it short" });
      expect(first.filter((r) => r.kind === "error")).toEqual([]);
      let replies = first;
      const round = first.find((r) => r.kind === "questions");
      if (round?.kind === "questions") {
        for (const q of round.questions) expect(q.options.length).toBeGreaterThanOrEqual(2);
        // One round answered with the controls: the first option of each question.
        for (const q of round.questions)
          replies = await send({ kind: "answer", questionId: q.id, option: q.options[0]! });
      }
      const prompt = replies.find((r) => r.kind === "prompt");
      expect(prompt?.kind).toBe("prompt");
      if (prompt?.kind !== "prompt") return;
      const record = await load();
      // At most 3 calls for a conversation with one answered round (retries of invalid answers aside).
      expect(record.modelCalls).toBeLessThanOrEqual(3);
      for (const call of recorder.calls) expect(call.ok).toBe(true);
      for (const c of record.capabilities.filter((c) => c.status === "pinned")) {
        expect(prompt.text.toLowerCase()).toContain((c.value ?? "").toLowerCase().replace(/\s+/g, " "));
      }
      expect(realWords(prompt.text)).toBeGreaterThanOrEqual(5);

      const refined = await send({ kind: "message", text: "make it more formal", mayStart: false });
      const v2 = refined.find((r) => r.kind === "prompt");
      expect(v2?.kind === "prompt" ? v2.version : undefined).toBe(2);
      expect(realWords(v2?.kind === "prompt" ? v2.text : "")).toBeGreaterThanOrEqual(5);
    },
    TIMEOUT,
  );
});

describe.skipIf(!fixture.path)("a model whose context is 2,048 tokens", () => {
  let model: LlamaModel;
  afterAll(async () => {
    await model?.close();
  });

  it(
    "completes a conversation: each call is fitted to the context instead of refused",
    async () => {
      model = await loadReal(2048, 3);
      const store = await createStore({ url: "memory://", logger: silentLogger });
      const { send } = await converse(model, store, "small");
      let replies = await send({ kind: "start", text: "a short poem about autumn rain for my grandmother" });
      const round = replies.find((r) => r.kind === "questions");
      if (round?.kind === "questions") replies = await send({ kind: "skip" });
      expect(replies.filter((r) => r.kind === "error")).toEqual([]);
      expect(replies.some((r) => r.kind === "prompt")).toBe(true);
      await store.close();
    },
    TIMEOUT,
  );
});
