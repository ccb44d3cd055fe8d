/**
 * `npm run bench:model`: tokens/s of raw node-llama-cpp against PromptTailor's runtime (pool + fair
 * queue + grammar cache) for 1, 2 and 4 concurrent calls, with 1 and 2 threads; time to first
 * token; peak RSS. Uses a generated ~26M-parameter random-weight llama model (never downloaded).
 *
 * Every call generates exactly MAX_TOKENS tokens: the grammar forces a JSON text longer than that, so
 * random weights cannot stop early at EOS. Both sides use the model's chat wrapper resolved once and
 * run in alternating rounds (medians reported), because other processes share these CPUs.
 * BENCH_THREADS, BENCH_CALLS and BENCH_ROUNDS (comma lists / a number) change the grid; BENCH_MODEL=real
 * runs it on the real small instruct model and adds what a JSON-schema grammar costs on its vocabulary.
 */
import { statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  getLlama,
  LlamaChatSession,
  type LlamaContextSequence,
  LlamaLogLevel,
  resolveChatWrapper,
} from "node-llama-cpp";
import { analyseJsonSchema } from "../../src/core/model-calls/analyse-call.js";
import { silentLogger } from "../../src/log/logger.js";
import { ensureRealModel } from "../../src/model/fixture/real-model-fixture.js";
import { createLlamaModel, type LlamaModel } from "../../src/model/llama/create-llama-model.js";
import { ensureBenchModel } from "../fixtures/gguf/ensure-fixture-models.js";

const list = (value: string | undefined, fallback: number[]) => (value ? value.split(",").map(Number) : fallback);
const THREADS = list(process.env.BENCH_THREADS, [1, 2]);
const CALLS = list(process.env.BENCH_CALLS, [1, 2, 4]);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_TOKENS = 96;
const CONTEXT_SIZE = 1024;
const FORCED_TEXT = "tailored prompts for small models ".repeat(40);
const SCHEMA = {
  type: "object",
  properties: { text: { const: FORCED_TEXT } },
  required: ["text"],
  additionalProperties: false,
} as const;
const SYSTEM = "You write JSON.";
const USER = "Write a long text about prompts for small language models.";

// BENCH_MODEL=real: the real small instruct model (SmolLM2-135M, 49k-token vocabulary, real chat template).
const real = process.env.BENCH_MODEL === "real";
const modelPath = real ? await ensureRealModel() : await ensureBenchModel();
const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
const grammar = await llama.createGrammarForJsonSchema(SCHEMA);
const rawModel = await llama.loadModel({ modelPath });
const chatWrapper = resolveChatWrapper(rawModel);

interface Side {
  /** One 1-token call: prompt evaluation and the first token. */
  firstToken(): Promise<number>;
  /** `calls` concurrent calls of MAX_TOKENS tokens; returns tokens/s. */
  throughput(): Promise<number>;
  close(): Promise<void>;
}

const elapsed = async (work: () => Promise<unknown>) => {
  const started = performance.now();
  await work();
  return performance.now() - started;
};

/** What a careful user of node-llama-cpp writes: one context, a session per sequence. */
async function rawSide(threads: number, calls: number): Promise<Side> {
  const context = await rawModel.createContext({ contextSize: CONTEXT_SIZE, sequences: calls, threads });
  const sequences = Array.from({ length: calls }, () => context.getSequence());
  const prompt = async (sequence: LlamaContextSequence, maxTokens: number) => {
    const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper, systemPrompt: SYSTEM });
    let tokens = 0;
    await session.prompt(USER, {
      grammar,
      maxTokens,
      temperature: 0,
      onToken: (t) => {
        tokens += t.length;
      },
    });
    session.dispose({ disposeSequence: false });
    await sequence.clearHistory();
    return tokens;
  };
  return {
    firstToken: () => elapsed(() => prompt(sequences[0]!, 1)),
    async throughput() {
      let tokens = 0;
      const ms = await elapsed(async () => {
        const counts = await Promise.all(sequences.map((s) => prompt(s, MAX_TOKENS)));
        tokens = counts.reduce((a, b) => a + b, 0);
      });
      // A real vocabulary may close the forced text a token early on one sequence; the rate uses what was generated.
      if (tokens < MAX_TOKENS * calls * 0.95) throw new Error(`raw: ${tokens} tokens, expected ${MAX_TOKENS * calls}`);
      return tokens / (ms / 1000);
    },
    close: () => context.dispose(),
  };
}

async function runtimeSide(threads: number, calls: number): Promise<Side> {
  const model: LlamaModel = await createLlamaModel({
    modelPath,
    gpu: false,
    threads,
    sequences: calls,
    contextSize: CONTEXT_SIZE,
    temperature: 0,
    seed: 1,
    logger: silentLogger,
  });
  const call = (maxTokens: number, key: string) =>
    model.generateJson({ call: "synthesize", system: SYSTEM, user: USER, schema: SCHEMA, maxTokens, fairnessKey: key });
  return {
    firstToken: () => elapsed(() => call(1, "first")),
    async throughput() {
      let texts: string[] = [];
      const ms = await elapsed(async () => {
        texts = await Promise.all(Array.from({ length: calls }, (_, i) => call(MAX_TOKENS, `user-${i}`)));
      });
      // A call that reached its token cap stopped inside the forced text.
      if (!texts.every((t) => t.length < FORCED_TEXT.length)) throw new Error("runtime: a call stopped early");
      return (MAX_TOKENS * calls) / (ms / 1000);
    },
    close: () => model.close(),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const pad = (s: string | number, n: number) => String(s).padStart(n);
const rows = [
  `${pad("threads", 7)} ${pad("calls", 5)} ${pad("raw tok/s", 10)} ${pad("runtime tok/s", 14)} ${pad("runtime/raw", 12)} ${pad("raw TTFT ms", 12)} ${pad("rt TTFT ms", 11)}`,
];
const started = performance.now();
for (const threads of THREADS) {
  for (const calls of CALLS) {
    const sides = { raw: await rawSide(threads, calls), runtime: await runtimeSide(threads, calls) };
    const results = {
      raw: { tps: [] as number[], ttft: [] as number[] },
      runtime: { tps: [] as number[], ttft: [] as number[] },
    };
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 ? (["runtime", "raw"] as const) : (["raw", "runtime"] as const)) {
        results[name].ttft.push(await sides[name].firstToken());
        results[name].tps.push(await sides[name].throughput());
      }
    }
    await sides.raw.close();
    await sides.runtime.close();
    const raw = median(results.raw.tps);
    const runtime = median(results.runtime.tps);
    rows.push(
      `${pad(threads, 7)} ${pad(calls, 5)} ${pad(raw.toFixed(1), 10)} ${pad(runtime.toFixed(1), 14)} ${pad(`${((runtime / raw) * 100).toFixed(0)}%`, 12)} ${pad(median(results.raw.ttft).toFixed(0), 12)} ${pad(median(results.runtime.ttft).toFixed(0), 11)}`,
    );
    process.stderr.write(".");
  }
}
process.stderr.write("\n");
const grammarRows = real ? await grammarCost(THREADS[0] ?? 1) : [];
console.log(
  `model ${path.basename(modelPath)} (${(statSync(modelPath).size / 1e6).toFixed(0)} MB ${real ? "Q4_1" : "F32"} llama), ${MAX_TOKENS} tokens a call, CPU, ${os.availableParallelism()} cores, median of ${ROUNDS} alternating rounds`,
);
console.log(rows.join("\n"));
if (grammarRows.length) console.log(grammarRows.join("\n"));
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (both sides' models loaded)`);
console.log(`total: ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log("TTFT: a 1-token call on a loaded model (prompt evaluation and first token), median.");
await rawModel.dispose();
await llama.dispose();

/**
 * Free generation (up to MAX_TOKENS) with no grammar, with the analyse call's JSON-schema grammar
 * (enums of capability and domain ids, bounded strings), and with the forced-text grammar above:
 * tokens/s of one call, median of ROUNDS. On a large vocabulary the grammar checks every candidate.
 */
async function grammarCost(threads: number): Promise<string[]> {
  const context = await rawModel.createContext({ contextSize: CONTEXT_SIZE, sequences: 1, threads });
  const sequence = context.getSequence();
  const domainIds = ["email", "recipe", "travel_plan", "resume", "code_generation", "poetry"];
  const kinds = {
    "no grammar": undefined,
    "analyse JSON schema": await llama.createGrammarForJsonSchema(analyseJsonSchema(domainIds) as never),
    "forced text": grammar,
  };
  const out = [`grammar cost, 1 call, ${threads} thread(s): tok/s`];
  for (const [name, g] of Object.entries(kinds)) {
    const rates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const session = new LlamaChatSession({ contextSequence: sequence, chatWrapper, systemPrompt: SYSTEM });
      let tokens = 0;
      const ms = await elapsed(() =>
        session.prompt("Describe a plan for a trip to Lisbon as JSON.", {
          ...(g ? { grammar: g } : {}),
          maxTokens: MAX_TOKENS,
          temperature: 0.2,
          seed: round + 1,
          onToken: (t) => {
            tokens += t.length;
          },
        }),
      );
      session.dispose({ disposeSequence: false });
      await sequence.clearHistory();
      rates.push(tokens / (ms / 1000));
    }
    out.push(`  ${name.padEnd(20)} ${median(rates).toFixed(1)}`);
  }
  await context.dispose();
  return out;
}
