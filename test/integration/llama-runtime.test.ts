import { type ChatHistoryItem, getLlama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { TailorError } from "../../src/core/errors.js";
import type { ModelRequest, ModelUsage } from "../../src/core/ports.js";
import { silentLogger } from "../../src/log/logger.js";
import { createLlamaModel, type LlamaModel, type LlamaModelOptions } from "../../src/model/llama/create-llama-model.js";
import { fitSequences } from "../../src/model/llama/fit-sequences.js";
import { ensureFixtureModels, type FixtureModels } from "../fixtures/gguf/ensure-fixture-models.js";

const TEXT_SCHEMA = {
  type: "object",
  properties: { text: { type: "string", maxLength: 24 } },
  required: ["text"],
  additionalProperties: false,
} as const;
/** The grammar forces this text, so a call runs until maxTokens: random weights cannot end it early. */
const LONG_SCHEMA = {
  type: "object",
  properties: { text: { const: "a b c d e f g h ".repeat(200) } },
  required: ["text"],
  additionalProperties: false,
} as const;

const request = (overrides: Partial<ModelRequest> = {}): ModelRequest => ({
  call: "analyse",
  system: "You answer in JSON.",
  user: "Say something.",
  schema: TEXT_SCHEMA,
  maxTokens: 64,
  fairnessKey: "k",
  ...overrides,
});

let fixtures: FixtureModels;
const models: LlamaModel[] = [];
const open = async (options: Partial<LlamaModelOptions> = {}) => {
  const model = await createLlamaModel({
    modelPath: fixtures.model,
    gpu: false,
    threads: 1,
    sequences: 1,
    contextSize: 2048,
    temperature: 0,
    seed: 1,
    logger: silentLogger,
    ...options,
  });
  models.push(model);
  return model;
};
const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

beforeAll(async () => {
  fixtures = await ensureFixtureModels();
});
afterAll(async () => {
  for (const model of models) await model.close();
});

describe("node-llama-cpp runtime on the tiny fixture", () => {
  it("loads, generates grammar-constrained JSON that validates, and passes its input to the model", async () => {
    const seen: { history: ChatHistoryItem[]; evaluated: string }[] = [];
    const model = await open({ inspect: (history, { evaluated }) => seen.push({ history, evaluated }) });
    expect(model.info).toMatchObject({ backend: "cpu", threads: 1, sequences: 1, contextSize: 2048 });
    const text = await model.generateJson(request({ system: "SYSTEM-MARKER rules", user: "USER-MARKER intent" }));
    expect(z.object({ text: z.string().max(24) }).parse(JSON.parse(text))).toBeTruthy();
    // The tokens the model evaluated: system and user turns in the model's own (ChatML) template, then the answer.
    expect(seen[0]?.evaluated).toContain("<|im_start|>system\nSYSTEM-MARKER rules<|im_end|>");
    expect(seen[0]?.evaluated).toContain("<|im_start|>user\nUSER-MARKER intent<|im_end|>");
    expect(seen[0]?.evaluated).toContain(`<|im_start|>assistant\n${text}`);
    expect(JSON.stringify(seen[0]?.history)).toContain("USER-MARKER intent");
  });

  it("a LoRA adapter changes the generated tokens, and scale 0 reproduces the base model", async () => {
    const base = await (await open()).generateJson(request());
    const adapted = await (await open({ loras: [{ path: fixtures.lora, scale: 1 }] })).generateJson(request());
    const zero = await (await open({ loras: [{ path: fixtures.lora, scale: 0 }] })).generateJson(request());
    expect(adapted).not.toBe(base);
    expect(zero).toBe(base);
  });

  it("refuses a wrong adapter, a non-adapter and a missing file with a message naming TAILOR_LORA", async () => {
    const wrong = await rejection(open({ loras: [{ path: fixtures.wrongLora, scale: 1 }] }));
    expect(wrong).toBeInstanceOf(TailorError);
    expect((wrong as TailorError).message).toMatch(/^TAILOR_LORA: .*adapter for qwen2, but the base model .* is llama/);
    const notAdapter = await rejection(open({ loras: [{ path: fixtures.model, scale: 1 }] }));
    expect((notAdapter as TailorError).message).toMatch(/TAILOR_LORA: .* is not a LoRA adapter/);
    const missing = await rejection(open({ loras: [{ path: "models/nope.gguf", scale: 1 }] }));
    expect((missing as TailorError).message).toBe("TAILOR_LORA: models/nope.gguf does not exist");
    const otherSize = await rejection(open({ loras: [{ path: fixtures.wrongShapeLora, scale: 1 }] }));
    expect(otherSize).toMatchObject({ code: "config.invalid" });
    expect((otherSize as TailorError).message).toMatch(
      /^TAILOR_LORA: .*tiny-llama-48-lora-v1\.gguf does not fit the base model .*: blk\.0\.attn_q\.weight is 64×64/,
    );
  });

  it("sizes the default pool to free memory", async () => {
    const llama = await getLlama({ gpu: false, build: "never" });
    const model = await llama.loadModel({ modelPath: fixtures.model });
    try {
      expect(await fitSequences(llama, model, 8192, 4, 1e12)).toBe(4);
      // About 9 MiB of compute buffers plus 4 MiB of KV cache a sequence at 8192 tokens, in half the free memory.
      expect(await fitSequences(llama, model, 8192, 4, 40 * 2 ** 20)).toBe(2);
      expect(await fitSequences(llama, model, 8192, 4, 12 * 2 ** 20)).toBe(1);
    } finally {
      await model.dispose();
      await llama.dispose();
    }
  });

  it("runs concurrent conversations on distinct sequences", async () => {
    const slots: number[] = [];
    const model = await open({ sequences: 3, inspect: (_, { slot }) => slots.push(slot) });
    let most = 0;
    const all = Promise.all(
      ["a", "b", "c"].map((key) =>
        model.generateJson(request({ schema: LONG_SCHEMA, maxTokens: 300, fairnessKey: key })),
      ),
    );
    const watch = setInterval(() => {
      most = Math.max(most, model.stats().active);
    }, 1);
    const texts = await all;
    clearInterval(watch);
    expect(most).toBe(3);
    expect([...slots].sort()).toEqual([0, 1, 2]);
    // Same input, greedy decoding: each sequence kept its own state.
    expect(new Set(texts).size).toBe(1);
  });

  it("with a pool of one, waiting calls report positions 1 and 2 and are served in order", async () => {
    const model = await open();
    const started: string[] = [];
    const positions: Record<string, number[]> = { b: [], c: [] };
    const call = (key: string) =>
      model.generateJson(
        request({
          fairnessKey: key,
          onQueuePosition: (p) => {
            if (p === 0) started.push(key);
            else positions[key]?.push(p);
          },
        }),
      );
    await Promise.all([call("a"), call("b"), call("c")]);
    expect(positions.b?.[0]).toBe(1);
    expect(positions.c?.[0]).toBe(2);
    expect(started).toEqual(["a", "b", "c"]);
  });

  it("one user's flood does not starve another user", async () => {
    const model = await open();
    const order: string[] = [];
    const call = (key: string, label: string) =>
      model.generateJson(request({ fairnessKey: key })).then(() => order.push(label));
    const flood = [1, 2, 3, 4, 5].map((i) => call("flood", `flood-${i}`));
    const other = call("other", "other");
    await Promise.all([...flood, other]);
    expect(order.indexOf("other")).toBeLessThanOrEqual(1);
    expect(order.indexOf("other")).toBeLessThan(order.indexOf("flood-3"));
  });

  it("abort stops a generation and frees its sequence", async () => {
    const model = await open();
    const controller = new AbortController();
    const long = model.generateJson(
      request({
        schema: LONG_SCHEMA,
        maxTokens: 1500,
        signal: controller.signal,
        onQueuePosition: (p) => p === 0 && setTimeout(() => controller.abort(), 5),
      }),
    );
    const error = await rejection(long);
    expect(error).toMatchObject({ code: "model.aborted" });
    expect(model.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
    expect(JSON.parse(await model.generateJson(request()))).toHaveProperty("text");
  });

  it("streams the grammar-constrained answer: onText pieces, in order, join to the returned text", async () => {
    const model = await open();
    const pieces: string[] = [];
    const usage: ModelUsage[] = [];
    const text = await model.generateJson(
      request({ onText: (delta) => pieces.push(delta), onUsage: (u) => usage.push(u) }),
    );
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.join("")).toBe(text);
    expect(z.object({ text: z.string().max(24) }).parse(JSON.parse(text))).toBeTruthy();
    // A second streamed call with the same instructions reuses the prefix the first one left in the
    // sequence, and streams its own answer only.
    const again: string[] = [];
    const second = await model.generateJson(
      request({ user: "Say something else.", onText: (delta) => again.push(delta), onUsage: (u) => usage.push(u) }),
    );
    expect(again.join("")).toBe(second);
    expect(usage[1]?.reusedTokens).toBeGreaterThan(0);
  });

  it("a stop while the answer streams ends the call as model.aborted and frees its sequence", async () => {
    const model = await open();
    const controller = new AbortController();
    const pieces: string[] = [];
    const error = await rejection(
      model.generateJson(
        request({
          schema: LONG_SCHEMA,
          maxTokens: 1500,
          signal: controller.signal,
          onText: (delta) => {
            pieces.push(delta);
            if (pieces.length === 3) controller.abort();
          },
        }),
      ),
    );
    expect(error).toMatchObject({ code: "model.aborted" });
    // Stopped promptly: a few pieces past the stop at most, far from the 1,500 tokens it would write.
    expect(pieces.length).toBeLessThan(20);
    expect(model.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
    const after: string[] = [];
    const text = await model.generateJson(request({ onText: (delta) => after.push(delta) }));
    expect(after.join("")).toBe(text);
  });

  it("a deadline stops a generation with a timeout and frees its sequence", async () => {
    const model = await open({ defaultDeadlineMs: 30 });
    const error = await rejection(model.generateJson(request({ schema: LONG_SCHEMA, maxTokens: 1500 })));
    expect(error).toMatchObject({ code: "model.timeout" });
    // The sequence is back in the pool. (A follow-up call would run under the same 30 ms deadline,
    // which a loaded CI machine can miss; the abort test above shows a freed sequence serving again.)
    expect(model.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
  });

  it("refuses a call whose prompt and answer cannot fit in a sequence, instead of dropping the user turn", async () => {
    const model = await open();
    const error = await rejection(model.generateJson(request({ user: "write a cold email ".repeat(500) })));
    expect(error).toMatchObject({ code: "model.failed", retryable: false });
    expect((error as TailorError).message).toMatch(/prompt is \d+ tokens .* holds 2048 \(TAILOR_CONTEXT_SIZE\)/);
    expect((error as TailorError).userMessage).toMatch(/too long for the model's context/);
    expect(model.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
  });

  it("close fails waiting calls instead of leaving them hanging", async () => {
    const model = await createLlamaModel({
      modelPath: fixtures.model,
      gpu: false,
      threads: 1,
      sequences: 1,
      contextSize: 2048,
      temperature: 0,
      logger: silentLogger,
    });
    const running = rejection(model.generateJson(request({ schema: LONG_SCHEMA, maxTokens: 1500 })));
    const waiting = rejection(model.generateJson(request({ fairnessKey: "other" })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await model.close();
    expect(await waiting).toMatchObject({ code: "model.unavailable" });
    expect(await running).toBeInstanceOf(TailorError);
  });
});
