/**
 * The in-process model: one Llama, one model and one context per process, shared by every platform
 * and conversation; a fixed pool of sequences behind a fair queue; JSON-schema grammars; LoRA
 * adapters. Implements the core's model port.
 */
import path from "node:path";
import {
  type ChatHistoryItem,
  getLlama,
  type Llama,
  LlamaChatSession,
  type LlamaContextSequence,
  LlamaLogLevel,
} from "node-llama-cpp";
import { isTailorError, TailorError } from "../../core/errors.js";
import type { Logger, ModelPort, ModelRequest } from "../../core/ports.js";
import { defaultSequences, defaultThreads } from "./default-threads.js";
import { createGrammarCache } from "./grammar-cache.js";
import { SequencePool } from "./sequence-pool.js";
import { validateLoras } from "./validate-lora.js";

export interface LlamaModelOptions {
  modelPath: string;
  loras?: { path: string; scale: number }[];
  threads?: number;
  sequences?: number;
  /** Per sequence; default min(model's training context, 8192). */
  contextSize?: number;
  gpu?: "auto" | false;
  logger: Logger;
  /** A call that runs longer is stopped (TailorError model.timeout). Default 10 minutes. */
  defaultDeadlineMs?: number;
  /** Sampling temperature (default 0.2: focused but not looping). */
  temperature?: number;
  /** Seed of the first call; each call uses the next one (reproducible runs). Default: random. */
  seed?: number;
  /** Called after each generation with the chat history node-llama-cpp evaluated (tests, debugging). */
  inspect?: (history: ChatHistoryItem[]) => void;
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
}

const DEFAULT_DEADLINE_MS = 10 * 60_000;

export async function createLlamaModel(options: LlamaModelOptions): Promise<LlamaModel> {
  const loras = options.loras ?? [];
  await validateLoras(
    options.modelPath,
    loras.map((l) => l.path),
  );
  const llama: Llama = await getLlama({
    gpu: options.gpu === false ? false : "auto",
    build: "never",
    logLevel: LlamaLogLevel.error,
  }).catch((error: unknown) => {
    throw new TailorError("model.unavailable", `node-llama-cpp could not start: ${String(error)}`, { cause: error });
  });
  const gpu = llama.gpu !== false;
  const threads = gpu ? 0 : (options.threads ?? defaultThreads());
  const model = await llama.loadModel({ modelPath: options.modelPath }).catch((error: unknown) => {
    throw new TailorError(
      "config.invalid",
      `TAILOR_MODEL: ${options.modelPath} could not be loaded: ${String(error)}`,
      {
        cause: error,
      },
    );
  });
  const sequences = options.sequences ?? defaultSequences(gpu);
  const contextSize = options.contextSize ?? Math.min(model.trainContextSize, 8192);
  const context = await model
    .createContext({
      contextSize,
      sequences,
      threads,
      ...(loras.length ? { lora: { adapters: loras.map((l) => ({ filePath: l.path, scale: l.scale })) } } : {}),
    })
    .catch(async (error: unknown) => {
      await model.dispose();
      throw new TailorError(
        "config.invalid",
        `TAILOR_LORA or TAILOR_CONTEXT_SIZE: the model context could not be created: ${String(error)}`,
        {
          cause: error,
        },
      );
    });
  const pool = new SequencePool<LlamaContextSequence>(Array.from({ length: sequences }, () => context.getSequence()));
  const grammars = createGrammarCache(llama);
  const temperature = options.temperature ?? 0.2;
  let seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const info: LlamaModelInfo = {
    backend: gpu ? String(llama.gpu) : "cpu",
    threads: gpu ? 0 : threads,
    sequences,
    contextSize,
    model: path.basename(options.modelPath),
    adapters: loras.map((l) => `${path.basename(l.path)}@${l.scale}`),
  };
  options.logger.info("model loaded", { ...info });

  const generateJson = async (request: ModelRequest): Promise<string> => {
    const deadline = AbortSignal.timeout(options.defaultDeadlineMs ?? DEFAULT_DEADLINE_MS);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    let sequence: LlamaContextSequence | undefined;
    try {
      sequence = await pool.acquire(request.fairnessKey, request.onQueuePosition, signal);
      const grammar = await grammars.get(request.schema);
      const session = new LlamaChatSession({
        contextSequence: sequence,
        systemPrompt: request.system,
        autoDisposeSequence: false,
      });
      try {
        seed += 1;
        const text = await session.prompt(request.user, {
          grammar,
          maxTokens: request.maxTokens,
          temperature,
          seed,
          signal,
        });
        options.inspect?.(session.getChatHistory());
        return text;
      } finally {
        session.dispose({ disposeSequence: false });
      }
    } catch (error) {
      throw asModelError(error, deadline, request.signal);
    } finally {
      if (sequence) await pool.release(sequence);
    }
  };

  return {
    info,
    stats: () => pool.stats(),
    generateJson,
    describe: () =>
      `node-llama-cpp ${info.backend}: ${info.model}${info.adapters.length ? ` + ${info.adapters.join(", ")}` : ""}`,
    async close() {
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
