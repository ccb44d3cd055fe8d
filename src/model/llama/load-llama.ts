/**
 * Loads the native parts once per process: one Llama (compute backend), one model, one context with
 * a fixed number of sequences (LoRA adapters applied to the context), and the model's chat wrapper.
 * Every failure becomes a TailorError naming the setting to fix.
 */
import {
  type ChatWrapper,
  getLlama,
  type Llama,
  type LlamaContext,
  LlamaLogLevel,
  type LlamaModel,
  resolveChatWrapper,
} from "node-llama-cpp";
import { TailorError } from "../../core/errors.js";
import { defaultSequences, defaultThreads } from "./default-threads.js";
import { fitSequences } from "./fit-sequences.js";

export interface LoadLlamaOptions {
  modelPath: string;
  loras: readonly { path: string; scale: number }[];
  threads?: number;
  sequences?: number;
  contextSize?: number;
  gpu?: "auto" | false;
}

export interface LoadedLlama {
  llama: Llama;
  model: LlamaModel;
  context: LlamaContext;
  /** Resolved once: node-llama-cpp's "auto" re-reads the Jinja template for every chat session (~0.3 s of blocked event loop each). */
  chatWrapper: ChatWrapper;
  /** "cpu", "cuda", "vulkan" or "metal". */
  backend: string;
  threads: number;
  sequences: number;
  contextSize: number;
}

/** Per sequence, unless configured: enough for the three calls' prompts and answers. */
const DEFAULT_CONTEXT_SIZE = 8192;

export async function loadLlama(options: LoadLlamaOptions): Promise<LoadedLlama> {
  const llama = await getLlama({
    gpu: options.gpu === false ? false : "auto",
    // Never download or compile llama.cpp at run time: a missing binary fails fast.
    build: "never",
    logLevel: LlamaLogLevel.error,
  }).catch((error: unknown) => {
    throw new TailorError("model.unavailable", `node-llama-cpp could not start: ${String(error)}`, { cause: error });
  });
  const gpu = llama.gpu !== false;
  // On a GPU the CPU threads barely matter; node-llama-cpp picks them.
  const threads = gpu ? 0 : (options.threads ?? defaultThreads());
  const model = await llama.loadModel({ modelPath: options.modelPath }).catch(async (error: unknown) => {
    await llama.dispose();
    throw new TailorError(
      "config.invalid",
      `TAILOR_MODEL: ${options.modelPath} could not be loaded: ${String(error)}`,
      {
        cause: error,
      },
    );
  });
  const contextSize = options.contextSize ?? Math.min(model.trainContextSize, DEFAULT_CONTEXT_SIZE);
  const sequences = options.sequences ?? (await fitSequences(llama, model, contextSize, defaultSequences(gpu)));
  const adapters = options.loras.map((l) => ({ filePath: l.path, scale: l.scale }));
  const context = await model
    .createContext({ contextSize, sequences, threads, ...(adapters.length ? { lora: { adapters } } : {}) })
    .catch(async (error: unknown) => {
      await model.dispose();
      await llama.dispose();
      throw new TailorError(
        "config.invalid",
        `the model context could not be created (check TAILOR_LORA, TAILOR_CONTEXT_SIZE and TAILOR_SEQUENCES): ${String(error)}`,
        { cause: error },
      );
    });
  return {
    llama,
    model,
    context,
    chatWrapper: resolveChatWrapper(model),
    backend: gpu ? String(llama.gpu) : "cpu",
    threads,
    sequences,
    contextSize,
  };
}
