/**
 * ensureModelFiles with files already on disk: nothing is downloaded, a missing local file is a
 * clear configuration error.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isTailorError, type TailorError } from "../../src/core/errors.js";
import { silentLogger } from "../../src/log/logger.js";
import { ensureModelFiles, type ModelSpec } from "../../src/model/resolve/resolve-model.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pt-ensure-"));
  temps.push(dir);
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<TailorError> {
  try {
    await promise;
  } catch (error) {
    if (isTailorError(error)) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("ensureModelFiles", () => {
  it("returns local files and already-downloaded hf: files as they are", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "base.gguf"), "GGUF");
    fs.writeFileSync(path.join(dir, "lora.gguf"), "GGUF");
    const spec: ModelSpec = {
      model: { source: "hf", path: path.join(dir, "base.gguf"), uri: "hf:u/r/base.gguf" },
      loras: [{ path: path.join(dir, "lora.gguf"), scale: 0.5 }],
    };
    const progress: unknown[] = [];
    const ready = await ensureModelFiles(spec, { logger: silentLogger, onProgress: (p) => progress.push(p) });
    expect(ready).toEqual(spec);
    expect(progress).toEqual([]);
  });

  it("finds a split model by its first part", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "big-Q4_K_M-00001-of-00002.gguf"), "GGUF");
    const spec: ModelSpec = {
      model: { source: "hf", path: path.join(dir, "big-Q4_K_M.gguf"), uri: "hf:u/big-GGUF:Q4_K_M" },
      loras: [],
    };
    const ready = await ensureModelFiles(spec, { logger: silentLogger });
    expect(ready.model.path).toBe(path.join(dir, "big-Q4_K_M-00001-of-00002.gguf"));
  });

  it("names TAILOR_MODEL and the path when a local model file is missing", async () => {
    const missing = path.join(tempDir(), "nowhere.gguf");
    const error = await failure(
      ensureModelFiles({ model: { source: "file", path: missing }, loras: [] }, { logger: silentLogger }),
    );
    expect(error.code).toBe("config.invalid");
    expect(error.message).toContain("TAILOR_MODEL");
    expect(error.message).toContain(missing);
  });

  it("names TAILOR_LORA and the path when a local adapter is missing", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "base.gguf"), "GGUF");
    const missing = path.join(dir, "pt.gguf");
    const error = await failure(
      ensureModelFiles(
        { model: { source: "file", path: path.join(dir, "base.gguf") }, loras: [{ path: missing, scale: 1 }] },
        { logger: silentLogger },
      ),
    );
    expect(error.message).toContain("TAILOR_LORA");
    expect(error.message).toContain(missing);
  });
});
