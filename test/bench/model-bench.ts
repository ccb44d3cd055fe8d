/**
 * `npm run bench:model`: tokens/s of raw node-llama-cpp against PromptTailor's runtime (pool + fair
 * queue + grammar) for 1, 2 and 4 concurrent calls, with 1 and 2 threads; time to first token;
 * peak RSS. Uses a generated ~26M-parameter random-weight llama model (never downloaded).
 * Every call generates exactly MAX_TOKENS tokens: greedy decoding of a long JSON string cannot stop early.
 */
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { getLlama, LlamaChatSession, LlamaLogLevel } from "node-llama-cpp";
import { silentLogger } from "../../src/log/logger.js";
import { createLlamaModel } from "../../src/model/llama/create-llama-model.js";
import { ensureBenchModel } from "../fixtures/gguf/ensure-fixture-models.js";

const MAX_TOKENS = 96;
const SCHEMA = {
  type: "object",
  properties: { text: { type: "string", maxLength: 4000 } },
  required: ["text"],
  additionalProperties: false,
} as const;
const SYSTEM = "You write JSON.";
const USER = "Write a long text about prompts for small language models.";

const modelPath = await ensureBenchModel();
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const grammar = await llama.createGrammarForJsonSchema(SCHEMA);
const rawModel = await llama.loadModel({ modelPath });
const countTokens = (text: string) => rawModel.tokenize(text).length;

async function raw(threads: number, concurrency: number): Promise<{ tokensPerSecond: number; ttftMs: number }> {
  const context = await rawModel.createContext({ contextSize: 1024, sequences: concurrency, threads });
  const sequences = Array.from({ length: concurrency }, () => context.getSequence());
  // Same warm-up as the runtime gets: one 1-token call, which is also the time to first token.
  const warmStarted = performance.now();
  const warm = new LlamaChatSession({
    contextSequence: sequences[0]!,
    systemPrompt: SYSTEM,
    autoDisposeSequence: false,
  });
  await warm.prompt(USER, { grammar, maxTokens: 1, temperature: 0 });
  const ttftMs = performance.now() - warmStarted;
  warm.dispose({ disposeSequence: false });
  await sequences[0]!.clearHistory();
  let tokens = 0;
  const started = performance.now();
  await Promise.all(
    sequences.map(async (sequence) => {
      const session = new LlamaChatSession({ contextSequence: sequence, systemPrompt: SYSTEM });
      await session.prompt(USER, {
        grammar,
        maxTokens: MAX_TOKENS,
        temperature: 0,
        onToken: (t) => {
          tokens += t.length;
        },
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await context.dispose();
  return { tokensPerSecond: tokens / seconds, ttftMs };
}

async function runtime(threads: number, concurrency: number): Promise<{ tokensPerSecond: number; ttftMs: number }> {
  const model = await createLlamaModel({
    modelPath,
    gpu: false,
    threads,
    sequences: concurrency,
    contextSize: 1024,
    temperature: 0,
    seed: 1,
    logger: silentLogger,
  });
  const call = (maxTokens: number, key: string) =>
    model.generateJson({ call: "synthesize", system: SYSTEM, user: USER, schema: SCHEMA, maxTokens, fairnessKey: key });
  const firstStarted = performance.now();
  await call(1, "warm");
  const ttftMs = performance.now() - firstStarted;
  const started = performance.now();
  const texts = await Promise.all(Array.from({ length: concurrency }, (_, i) => call(MAX_TOKENS, `user-${i}`)));
  const seconds = (performance.now() - started) / 1000;
  await model.close();
  return { tokensPerSecond: texts.reduce((sum, t) => sum + countTokens(t), 0) / seconds, ttftMs };
}

const rows: string[] = [];
const pad = (s: string | number, n: number) => String(s).padStart(n);
rows.push(
  `${pad("threads", 7)} ${pad("calls", 5)} ${pad("raw tok/s", 10)} ${pad("runtime tok/s", 14)} ${pad("runtime/raw", 12)} ${pad("raw TTFT ms", 12)} ${pad("rt TTFT ms", 11)}`,
);
for (const threads of [1, 2]) {
  for (const concurrency of [1, 2, 4]) {
    const r = await raw(threads, concurrency);
    const p = await runtime(threads, concurrency);
    rows.push(
      `${pad(threads, 7)} ${pad(concurrency, 5)} ${pad(r.tokensPerSecond.toFixed(1), 10)} ${pad(p.tokensPerSecond.toFixed(1), 14)} ${pad(`${((p.tokensPerSecond / r.tokensPerSecond) * 100).toFixed(0)}%`, 12)} ${pad(r.ttftMs.toFixed(0), 12)} ${pad(p.ttftMs.toFixed(0), 11)}`,
    );
    process.stderr.write(".");
  }
}
process.stderr.write("\n");
const info = `model ${path.basename(modelPath)} (${(statSync(modelPath).size / 1e6).toFixed(0)} MB F32 llama), ${MAX_TOKENS} tokens a call, CPU, ${os.availableParallelism()} cores`;
console.log(info);
console.log(rows.join("\n"));
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(
  "TTFT: a 1-token call after loading (prompt evaluation and first token); the runtime adds its queue and grammar cache.",
);
await rawModel.dispose();
await llama.dispose();
