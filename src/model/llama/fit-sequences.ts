/**
 * Sizes the default pool to the machine's memory: each sequence holds its own KV cache (for a
 * Llama-3-8B, about 1 GiB at 8192 tokens), so the default number of sequences shrinks until the
 * context fits in half of the free RAM (or VRAM on a GPU). A configured number is never changed.
 */
import type { Llama, LlamaModel } from "node-llama-cpp";

const SHARE_OF_FREE_MEMORY = 0.5;

export async function fitSequences(
  llama: Llama,
  model: LlamaModel,
  contextSize: number,
  wanted: number,
  /** Free bytes; read from the machine unless given (tests). */
  freeMemory?: number,
): Promise<number> {
  const gpu = llama.gpu !== false;
  const free = freeMemory ?? (gpu ? (await llama.getVramState()).free : (await llama.getRamState()).free);
  for (let sequences = wanted; sequences > 1; sequences--) {
    const need = await model.fileInsights.estimateContextResourceRequirementsV2({
      contextSize,
      modelGpuLayers: model.gpuLayers,
      sequences,
    });
    if ((gpu ? need.gpuVram : need.cpuRam) <= free * SHARE_OF_FREE_MEMORY) return sequences;
  }
  return 1;
}
