import type { ChatHistoryItem } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { TailorError } from "../../src/core/errors.js";
import type { ModelRequest } from "../../src/core/ports.js";
import { silentLogger } from "../../src/log/logger.js";
import { createLlamaModel, type LlamaModel, type LlamaModelOptions } from "../../src/model/llama/create-llama-model.js";
import { ensureFixtureModels, type FixtureModels } from "../fixtures/gguf/ensure-fixture-models.js";

const TEXT_SCHEMA = {
  type: "object",
  properties: { text: { type: "string", maxLength: 24 } },
  required: ["text"],
  additionalProperties: false,
} as const;
const LONG_SCHEMA = {
  type: "object",
  properties: { text: { type: "string", maxLength: 3000 } },
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
    const seen: ChatHistoryItem[][] = [];
    const model = await open({ inspect: (h) => seen.push(h) });
    expect(model.info).toMatchObject({ backend: "cpu", threads: 1, sequences: 1, contextSize: 2048 });
    const text = await model.generateJson(request({ system: "SYSTEM-MARKER rules", user: "USER-MARKER intent" }));
    expect(z.object({ text: z.string().max(24) }).parse(JSON.parse(text))).toBeTruthy();
    const history = JSON.stringify(seen[0]);
    expect(history).toContain("SYSTEM-MARKER rules");
    expect(history).toContain("USER-MARKER intent");
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
  });

  it("runs concurrent conversations on distinct sequences", async () => {
    const model = await open({ sequences: 2 });
    let most = 0;
    const both = Promise.all([
      model.generateJson(request({ schema: LONG_SCHEMA, maxTokens: 300, fairnessKey: "a" })),
      model.generateJson(request({ schema: LONG_SCHEMA, maxTokens: 300, fairnessKey: "b" })),
    ]);
    const watch = setInterval(() => {
      most = Math.max(most, model.stats().active);
    }, 1);
    const [first, second] = await both;
    clearInterval(watch);
    expect(most).toBe(2);
    expect(first).toBe(second);
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
        maxTokens: 3000,
        signal: controller.signal,
        onQueuePosition: (p) => p === 0 && setTimeout(() => controller.abort(), 5),
      }),
    );
    const error = await rejection(long);
    expect(error).toMatchObject({ code: "model.aborted" });
    expect(model.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
    expect(JSON.parse(await model.generateJson(request()))).toHaveProperty("text");
  });

  it("a deadline stops a generation with a timeout and frees its sequence", async () => {
    const model = await open({ defaultDeadlineMs: 30 });
    const error = await rejection(model.generateJson(request({ schema: LONG_SCHEMA, maxTokens: 3000 })));
    expect(error).toMatchObject({ code: "model.timeout" });
    expect(model.stats()).toEqual({ queued: 0, active: 0, sequences: 1 });
  });
});
