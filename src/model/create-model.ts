/**
 * Chooses the model backend: an OpenAI-compatible server when TAILOR_LLM_URL is set, otherwise the
 * in-process node-llama-cpp runtime (downloading the configured files on first start).
 */
import path from "node:path";
import type { Env } from "../config/env-schema.js";
import type { Logger, ModelPort } from "../core/ports.js";
import { createLlamaModel } from "./llama/create-llama-model.js";
import { createOpenAiModel } from "./openai/create-openai-model.js";
import { safeUrl } from "./openai/rejection-hint.js";
import { ensureModelFiles, resolveModelSpec } from "./resolve/resolve-model.js";

export interface ReadyModel {
  model: ModelPort;
  /** Readiness: the in-process model is ready once loaded; a server must answer. */
  isReady(signal: AbortSignal): Promise<boolean>;
  /** Calls waiting for the model (the in-process runtime's fair queue; a server queues on its side). */
  queueDepth(): number;
}

export async function createModel(env: Env, logger: Logger, signal?: AbortSignal): Promise<ReadyModel> {
  if (env.TAILOR_LLM_URL) {
    const model = createOpenAiModel({
      baseUrl: env.TAILOR_LLM_URL,
      model: env.TAILOR_LLM_MODEL,
      apiKey: env.TAILOR_LLM_API_KEY,
      logger,
    });
    logger.info("model backend", {
      backend: "openai-compatible",
      url: safeUrl(env.TAILOR_LLM_URL),
      model: env.TAILOR_LLM_MODEL,
    });
    return { model, isReady: (s) => model.ping(s).then(() => true), queueDepth: () => 0 };
  }
  const spec = resolveModelSpec({
    model: env.TAILOR_MODEL,
    lora: env.TAILOR_LORA,
    modelsDir: path.resolve("models"),
  });
  const files = await ensureModelFiles(spec, { logger, signal });
  const model = await createLlamaModel({
    modelPath: files.model.path,
    loras: files.loras.map((l) => ({ path: l.path, scale: l.scale })),
    threads: env.TAILOR_THREADS,
    sequences: env.TAILOR_SEQUENCES,
    contextSize: env.TAILOR_CONTEXT_SIZE ?? spec.preset?.contextSize,
    gpu: env.TAILOR_GPU === "false" ? false : "auto",
    temperature: env.TAILOR_TEMPERATURE,
    seed: env.TAILOR_SEED,
    logger,
  });
  return { model, isReady: async () => true, queueDepth: () => model.stats().queued };
}
