/**
 * Checks LoRA adapters against the base model before loading, from GGUF headers only, so a wrong
 * file is refused with a message naming it and the setting, instead of llama.cpp's "Failed to
 * initialize LoRA adapter".
 */
import { existsSync } from "node:fs";
import { type GgufTensorInfo, readGgufFileInfo } from "node-llama-cpp";
import { TailorError } from "../../core/errors.js";

const invalid = (message: string, cause?: unknown) => new TailorError("config.invalid", message, { cause });

interface GgufHeader {
  architecture?: string;
  type?: string;
  /** Tensor name → dimensions (ne[0] first). */
  shapes: Map<string, number[]>;
}

async function readHeader(file: string, variable: string): Promise<GgufHeader> {
  if (!existsSync(file)) throw invalid(`${variable}: ${file} does not exist`);
  try {
    const info = await readGgufFileInfo(file);
    const general = (info.metadata as { general?: { architecture?: string; type?: string } }).general ?? {};
    const tensors: GgufTensorInfo[] = info.fullTensorInfo ?? info.tensorInfo ?? [];
    return {
      architecture: general.architecture,
      type: general.type,
      shapes: new Map(tensors.map((t) => [t.name, t.dimensions.map(Number)])),
    };
  } catch (error) {
    throw invalid(`${variable}: ${file} is not a readable GGUF file`, error);
  }
}

/**
 * llama.cpp's rule: for base tensor W with ne = [n_in, n_out], W.lora_a has ne = [n_in, r] and
 * W.lora_b has ne = [r, n_out]. Returns what does not fit, or undefined.
 */
function shapeMismatch(base: GgufHeader, adapter: GgufHeader): string | undefined {
  let checked = 0;
  for (const [name, a] of adapter.shapes) {
    if (!name.endsWith(".lora_a")) continue;
    const target = name.slice(0, -".lora_a".length);
    const b = adapter.shapes.get(`${target}.lora_b`);
    const w = base.shapes.get(target);
    if (!b) return `${target}.lora_b is missing`;
    if (!w) return `the base model has no tensor ${target}`;
    if (a[0] !== w[0] || b[1] !== w[1] || a[1] !== b[0]) {
      return `${target} is ${w.join("×")} in the base model, but the adapter's factors are ${a.join("×")} and ${b.join("×")}`;
    }
    checked += 1;
  }
  return checked === 0 ? "it has no lora_a/lora_b tensors" : undefined;
}

export async function validateLoras(modelPath: string, loraPaths: readonly string[]): Promise<void> {
  const base = await readHeader(modelPath, "TAILOR_MODEL");
  if (base.type === "adapter") throw invalid(`TAILOR_MODEL: ${modelPath} is a LoRA adapter, not a base model`);
  for (const file of loraPaths) {
    const adapter = await readHeader(file, "TAILOR_LORA");
    if (adapter.type !== "adapter") {
      throw invalid(`TAILOR_LORA: ${file} is not a LoRA adapter (its general.type is ${adapter.type ?? "missing"})`);
    }
    if (adapter.architecture !== base.architecture) {
      throw invalid(
        `TAILOR_LORA: ${file} is an adapter for ${adapter.architecture ?? "an unknown architecture"}, but the base model ${modelPath} is ${base.architecture ?? "unknown"}`,
      );
    }
    const mismatch = shapeMismatch(base, adapter);
    if (mismatch) {
      throw invalid(
        `TAILOR_LORA: ${file} does not fit the base model ${modelPath} (an adapter for another model size?): ${mismatch}`,
      );
    }
  }
}
