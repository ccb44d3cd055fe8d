/**
 * Makes the files of a ModelSpec present: local files must exist, `hf:` files already in the
 * models folder are used as they are, the others are downloaded (the first start or
 * `npm run models:pull`).
 */
import fs from "node:fs/promises";
import path from "node:path";
import { TailorError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import { downloadFile } from "./download-file.js";
import { type ProgressReporter, stderrProgress } from "./download-progress.js";
import type { ModelSpec } from "./model-spec.js";

export interface EnsureOptions {
  logger: Logger;
  signal?: AbortSignal;
  /** Download progress; default: a bar (or log lines) on stderr. */
  onProgress?: ProgressReporter;
  /** Bound on reaching the download host. Default 20 s. */
  connectTimeoutMs?: number;
}

export async function ensureModelFiles(spec: ModelSpec, options: EnsureOptions): Promise<ModelSpec> {
  const model = {
    ...spec.model,
    path: await ensureFile(
      spec.model.path,
      spec.model.source === "hf" ? spec.model.uri : undefined,
      "TAILOR_MODEL",
      options,
    ),
  };
  const loras = [];
  for (const lora of spec.loras) {
    loras.push({ ...lora, path: await ensureFile(lora.path, lora.uri, "TAILOR_LORA", options) });
  }
  return { ...spec, model, loras };
}

async function ensureFile(
  filePath: string,
  uri: string | undefined,
  variable: "TAILOR_MODEL" | "TAILOR_LORA",
  options: EnsureOptions,
): Promise<string> {
  const present = await existingFile(filePath);
  if (present) return present;
  if (!uri) {
    const what = variable === "TAILOR_MODEL" ? "model" : "LoRA adapter";
    throw new TailorError("config.invalid", `${variable}: the ${what} file ${filePath} does not exist`);
  }
  const file = path.basename(filePath);
  options.logger.info("downloading model file", { file, uri, to: path.dirname(filePath) });
  const bar = options.onProgress ? undefined : stderrProgress(options.logger);
  try {
    const downloaded = await downloadFile({
      uri,
      destination: filePath,
      variable,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.connectTimeoutMs !== undefined ? { connectTimeoutMs: options.connectTimeoutMs } : {}),
      onProgress: options.onProgress ?? bar,
    });
    options.logger.info("model file ready", { file: downloaded });
    return downloaded;
  } finally {
    bar?.done();
  }
}

/**
 * The path of the file when it is there: the file itself, or the first part of a split model
 * saved under the same name (`name-00001-of-00003.gguf`).
 */
async function existingFile(filePath: string): Promise<string | undefined> {
  const stat = await fs.stat(filePath).catch(() => undefined);
  if (stat?.isFile()) return filePath;
  if (stat?.isDirectory()) throw new TailorError("config.invalid", `${filePath} is a folder, not a .gguf file`);
  const stem = path.basename(filePath).replace(/\.gguf$/i, "");
  const names = await fs.readdir(path.dirname(filePath)).catch(() => [] as string[]);
  const firstPart = names.find((name) => name.startsWith(`${stem}-00001-of-`) && /-\d{5}\.gguf$/i.test(name));
  return firstPart ? path.join(path.dirname(filePath), firstPart) : undefined;
}
