/**
 * The in-process model: one Llama, one model and one context per process, shared by every platform
 * and conversation; a fixed pool of sequences behind a fair queue; JSON-schema grammars; LoRA
 * adapters. Implements the core's model port.
 */
import path from "node:path";
import { type ChatHistoryItem, LlamaChatSession, type LlamaContextSequence } from "node-llama-cpp";
import { isTailorError, TailorError } from "../../core/errors.js";
import type { Logger, ModelPort, ModelRequest } from "../../core/ports.js";
import { createGrammarCache } from "./grammar-cache.js";
import { loadLlama } from "./load-llama.js";
import { checkPromptFits, promptTokens } from "./prompt-budget.js";
import { SequencePool } from "./sequence-pool.js";
import { validateLoras } from "./validate-lora.js";

export interface LlamaModelOptions {
  modelPath: string;
  loras?: { path: string; scale: number }[];
  /** CPU threads (TAILOR_THREADS); default from `defaultThreads`, measured. */
  threads?: number;
  /** Sequences decoded side by side (TAILOR_SEQUENCES); default from the cores, or 4 on a GPU. */
  sequences?: number;
  /** Per sequence; default min(model's training context, 8192). */
  contextSize?: number;
  gpu?: "auto" | false;
  logger: Logger;
  /** A call that runs longer, waiting included, is stopped (TailorError model.timeout). Default 10 minutes. */
  defaultDeadlineMs?: number;
  /** Sampling temperature (default 0.2: focused but not looping). */
  temperature?: number;
  /** Seed of the first call; each call uses the next one (reproducible runs). Default: random. */
  seed?: number;
  /** Called after each generation with what node-llama-cpp evaluated (tests, debugging). */
  inspect?: (history: ChatHistoryItem[], details: InspectDetails) => void;
}

export interface InspectDetails {
  /** The sequence's whole token state, detokenized with special tokens: the exact text the model read and wrote. */
  evaluated: string;
  /** Which sequence of the pool served the call. */
  slot: number;
}

export interface LlamaModelInfo {
  backend: string;
  threads: number;
  sequences: number;
  contextSize: number;
  model: string;
  adapters: string[];
}

export interface LlamaModel extends ModelPort {
  readonly info: LlamaModelInfo;
  stats(): { queued: number; active: number; sequences: number };
  /** Tokens of a text in this model's vocabulary (the eval's prompt lengths). */
  countTokens(text: string): number;
}

const DEFAULT_DEADLINE_MS = 10 * 60_000;

export async function createLlamaModel(options: LlamaModelOptions): Promise<LlamaModel> {
  const loras = options.loras ?? [];
  await validateLoras(
    options.modelPath,
    loras.map((l) => l.path),
  );
  const loaded = await loadLlama({ ...options, loras });
  const { llama, model, context, chatWrapper } = loaded;
  const pool = new SequencePool<LlamaContextSequence>(
    Array.from({ length: loaded.sequences }, () => context.getSequence()),
  );
  const grammars = createGrammarCache(llama);
  const temperature = options.temperature ?? 0.2;
  let seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const info: LlamaModelInfo = {
    backend: loaded.backend,
    threads: loaded.threads,
    sequences: loaded.sequences,
    contextSize: loaded.contextSize,
    model: path.basename(options.modelPath),
    adapters: loras.map((l) => `${path.basename(l.path)}@${l.scale}`),
  };
  options.logger.info("model loaded", { ...info });

  /** A failing stream listener must not fail the call (node-llama-cpp would print to the console). */
  const streamListener =
    (onText: (delta: string) => void) =>
    (delta: string): void => {
      if (delta === "") return;
      try {
        onText(delta);
      } catch (error) {
        options.logger.warn("a streaming listener failed", { error });
      }
    };

  const generate = async (
    sequence: LlamaContextSequence,
    request: ModelRequest,
    promptTokens: number,
    signal: AbortSignal,
  ) => {
    const grammar = await grammars.get(request.schema);
    const session = new LlamaChatSession({
      contextSequence: sequence,
      chatWrapper,
      systemPrompt: request.system,
      autoDisposeSequence: false,
    });
    const meter = sequence.tokenMeter.getState();
    try {
      seed += 1;
      const text = await session.prompt(request.user, {
        grammar,
        maxTokens: request.maxTokens,
        temperature,
        seed,
        signal,
        // Streaming: the main response's text as it is generated (grammar, abort and KV reuse are
        // untouched: node-llama-cpp reports what it already decoded).
        ...(request.onText ? { onTextChunk: streamListener(request.onText) } : {}),
        // Small models loop (a phrase repeated until the token cap); a mild penalty on the last
        // tokens breaks the loop without bending the JSON, which the grammar keeps valid anyway.
        repeatPenalty: { lastTokens: 64, penalty: 1.1, penalizeNewLine: false },
      });
      options.inspect?.(session.getChatHistory(), {
        evaluated: model.detokenize(sequence.contextTokens, true),
        slot: pool.slotOf(sequence),
      });
      const used = sequence.tokenMeter.diff(meter);
      request.onUsage?.({
        promptTokens,
        // What the sequence already held (the common prefix of an earlier call) was not evaluated again.
        reusedTokens: Math.max(0, promptTokens - used.usedInputTokens),
        generatedTokens: used.usedOutputTokens,
      });
      return text;
    } finally {
      session.dispose({ disposeSequence: false });
    }
  };

  const generateJson = async (request: ModelRequest): Promise<string> => {
    const deadline = AbortSignal.timeout(options.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    let sequence: LlamaContextSequence | undefined;
    let finished = false;
    try {
      // Before queueing: a call that cannot fit must not wait its turn first.
      const promptTokens = checkPromptFits(model, chatWrapper, request, loaded.contextSize);
      sequence = await pool.acquire(request.fairnessKey, request.onQueuePosition, signal);
      const text = await generate(sequence, request, promptTokens, signal);
      finished = true;
      return text;
    } catch (error) {
      throw asModelError(error, deadline, request.signal);
    } finally {
      if (sequence) {
        await pool.release(sequence, (error) => options.logger.warn("model sequence not cleared", { error }), finished);
      }
    }
  };

  return {
    info,
    stats: () => pool.stats(),
    countTokens: (text) => model.tokenize(text).length,
    fits: (request) => promptTokens(model, chatWrapper, request) + request.maxTokens <= loaded.contextSize,
    generateJson,
    describe: () =>
      `node-llama-cpp ${info.backend}: ${info.model}${info.adapters.length ? ` + ${info.adapters.join(", ")}` : ""}`,
    async close() {
      pool.close(new TailorError("model.unavailable", "the model is shutting down"));
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}

function asModelError(error: unknown, deadline: AbortSignal, caller: AbortSignal | undefined): TailorError {
  if (isTailorError(error)) return error;
  if (deadline.aborted && !caller?.aborted) {
    return new TailorError("model.timeout", "the model call passed its deadline", { cause: error });
  }
  if (caller?.aborted) return new TailorError("model.aborted", "the model call was aborted", { cause: error });
  return new TailorError("model.failed", `node-llama-cpp failed: ${String(error)}`, { cause: error });
}
