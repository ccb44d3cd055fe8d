/**
 * Checks LoRA adapters against the base model before loading, from GGUF metadata only, so a wrong
 * file is refused with a clear message instead of a native error.
 */
import { existsSync } from "node:fs";
import { readGgufFileInfo } from "node-llama-cpp";
import { TailorError } from "../../core/errors.js";

const invalid = (message: string, cause?: unknown) => new TailorError("config.invalid", message, { cause });

async function metadataOf(file: string, variable: string): Promise<{ architecture?: string; type?: string }> {
  if (!existsSync(file)) throw invalid(`${variable}: ${file} does not exist`);
  try {
    const info = await readGgufFileInfo(file, { readTensorInfo: false });
    const general = (info.metadata as { general?: { architecture?: string; type?: string } }).general ?? {};
    return { architecture: general.architecture, type: general.type };
  } catch (error) {
    throw invalid(`${variable}: ${file} is not a readable GGUF file`, error);
  }
}

export async function validateLoras(modelPath: string, loraPaths: readonly string[]): Promise<string> {
  const base = await metadataOf(modelPath, "TAILOR_MODEL");
  if (base.type === "adapter") throw invalid(`TAILOR_MODEL: ${modelPath} is a LoRA adapter, not a base model`);
  for (const file of loraPaths) {
    const adapter = await metadataOf(file, "TAILOR_LORA");
    if (adapter.type !== "adapter") {
      throw invalid(`TAILOR_LORA: ${file} is not a LoRA adapter (its general.type is ${adapter.type ?? "missing"})`);
    }
    if (adapter.architecture !== base.architecture) {
      throw invalid(
        `TAILOR_LORA: ${file} is an adapter for ${adapter.architecture ?? "an unknown architecture"}, but the base model ${modelPath} is ${base.architecture ?? "unknown"}`,
      );
    }
  }
  return base.architecture ?? "unknown";
}
