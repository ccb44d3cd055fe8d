/**
 * `npm run models:pull`: downloads the model (and adapters) that TAILOR_MODEL / TAILOR_LORA name
 * into models/, with a progress bar on stderr, and prints the final paths on stdout. A failure
 * exits non-zero with one line saying what to do.
 */
import path from "node:path";
import { isTailorError } from "../core/errors.js";
import { createLogger } from "../log/logger.js";
import { stderrProgress } from "./resolve/download-progress.js";
import { ensureModelFiles, resolveModelSpec } from "./resolve/resolve-model.js";

async function main(): Promise<void> {
  const logger = createLogger({ level: "info", format: "pretty" });
  const controller = new AbortController();
  process.once("SIGINT", () => controller.abort(new Error("interrupted")));
  process.once("SIGTERM", () => controller.abort(new Error("terminated")));

  const spec = resolveModelSpec({
    model: process.env.TAILOR_MODEL,
    lora: process.env.TAILOR_LORA,
    modelsDir: path.resolve("models"),
  });
  const bar = stderrProgress(logger.child({}), process.stderr);
  const ready = await ensureModelFiles(spec, { logger, signal: controller.signal, onProgress: bar });
  bar.done();

  process.stdout.write(`model: ${ready.model.path}\n`);
  for (const lora of ready.loras) process.stdout.write(`lora: ${lora.path}@${lora.scale}\n`);
  if (ready.preset) process.stdout.write(`preset: ${ready.preset.name} (licence: ${ready.preset.license})\n`);
}

main().then(
  // The downloader may leave sockets or timers behind; the work is done.
  () => process.exit(0),
  (error: unknown) => {
    const message = isTailorError(error) || error instanceof Error ? error.message : String(error);
    // One line, whatever a library put in its message (no stack, no multi-line dumps).
    process.stderr.write(`models:pull failed: ${message.replace(/\s*\n\s*/g, " ").trim()}\n`);
    process.exit(1);
  },
);
