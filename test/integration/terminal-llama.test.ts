/**
 * The terminal chat on the real runtime (the tiny random-weight GGUF through node-llama-cpp): what
 * the model writes streams to stdout while it is generated, and the last block between the marker
 * lines is exactly the prompt the engine saved, whatever a random model puts in its JSON string.
 */
import { Readable, Writable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { createTailorEngine } from "../../src/core/engine/create-tailor-engine.js";
import { silentLogger } from "../../src/log/logger.js";
import { createLlamaModel, type LlamaModel } from "../../src/model/llama/create-llama-model.js";
import { runTerminalChat } from "../../src/platforms/terminal/run-terminal-chat.js";
import { createStore } from "../../src/store/create-store.js";
import { ensureFixtureModels } from "../fixtures/gguf/ensure-fixture-models.js";
import { promptBlocks } from "../fixtures/prompt-blocks.js";

const KEY = { platform: "terminal", workspace: "local", channel: "cli", thread: "main" } as const;

describe("terminal chat on the real runtime", () => {
  let model: LlamaModel | undefined;
  afterAll(async () => {
    await model?.close();
  });

  it("streams the generated prompt, and stdout's last block is the saved prompt", async () => {
    const fixtures = await ensureFixtureModels();
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
    });
    const store = await createStore({ url: "memory://", logger: silentLogger });
    const engine = createTailorEngine({ store, model, clock: { now: () => Date.now() }, logger: silentLogger });
    let stdout = "";
    const snapshots: string[] = [];
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        stdout += chunk.toString();
        snapshots.push(stdout);
        callback();
      },
    });
    await runTerminalChat({
      engine,
      input: Readable.from(["write a cold email to an investor about our seed round\nskip\n"]),
      output,
      runId: "llama",
    });

    const loaded = await store.load(KEY);
    if (loaded.status !== "found") throw new Error("conversation missing");
    const saved = loaded.conversation.versions.at(-1);
    expect(saved?.version).toBe(1);
    expect(
      promptBlocks(stdout)
        .filter((b) => b.version === 1)
        .at(-1)?.text,
    ).toBe(saved?.text);
    // Written while it was generated: stdout held the open block with part of the text, more than once.
    const open = snapshots.filter((s) => /--- prompt v1 ---\n(?![\s\S]*--- end ---)/.test(s));
    expect(open.length).toBeGreaterThan(1);
  }, 600_000);
});
