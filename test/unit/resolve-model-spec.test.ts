/**
 * TAILOR_MODEL / TAILOR_LORA → the files the runtime loads (no network, no file access beyond the presets).
 */
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTailorError } from "../../src/core/errors.js";
import { hfFileName } from "../../src/model/resolve/hf-uri.js";
import { resolveModelSpec } from "../../src/model/resolve/resolve-model.js";

const MODELS = path.resolve("models");
const CWD = "/srv/tailor";

const resolve = (model?: string, lora?: string) => resolveModelSpec({ model, lora, modelsDir: MODELS, cwd: CWD });

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isTailorError(error) && error.code === "config.invalid") return error.message;
    throw error;
  }
  throw new Error("expected a config.invalid error");
}

describe("resolveModelSpec", () => {
  it("uses the default preset (downloaded into models/) when TAILOR_MODEL is unset or blank", () => {
    for (const value of [undefined, "", "  "]) {
      const spec = resolve(value);
      expect(spec.preset?.name).toBe("llama3-8b-prompttailor");
      expect(spec.preset?.contextSize).toBe(8192);
      expect(spec.model).toEqual({
        source: "hf",
        path: path.join(MODELS, "Meta-Llama-3-8B-Instruct-Q4_K_M.gguf"),
        uri: spec.preset?.model.uri,
      });
      expect(spec.loras).toEqual([]);
    }
  });

  it("picks a preset by name", () => {
    const spec = resolve("llama3.2-3b-laptop");
    expect(spec.preset?.name).toBe("llama3.2-3b-laptop");
    expect(spec.model.path).toBe(path.join(MODELS, "Llama-3.2-3B-Instruct-Q4_K_M.gguf"));
  });

  it("takes a local .gguf path relative to the working directory, without a preset", () => {
    const spec = resolve("weights/my-model.Q5_K_M.gguf");
    expect(spec.model).toEqual({ source: "file", path: "/srv/tailor/weights/my-model.Q5_K_M.gguf" });
    expect(spec.preset).toBeUndefined();
    expect(resolve("/opt/m.GGUF").model.path).toBe("/opt/m.GGUF");
  });

  it("takes an hf: URI and saves it in models/", () => {
    const spec = resolve("hf:someone/Qwen2.5-7B-Instruct-GGUF:Q4_K_M");
    expect(spec.model).toEqual({
      source: "hf",
      path: path.join(MODELS, "Qwen2.5-7B-Instruct-Q4_K_M.gguf"),
      uri: "hf:someone/Qwen2.5-7B-Instruct-GGUF:Q4_K_M",
    });
  });

  it("names TAILOR_MODEL and lists the presets for an unknown value", () => {
    const message = configError(() => resolve("llama-9000"));
    expect(message).toContain("TAILOR_MODEL");
    expect(message).toContain("llama3-8b-prompttailor");
    expect(configError(() => resolve("hf:not-a-uri"))).toContain("TAILOR_MODEL");
    expect(configError(() => resolve("models/model.bin"))).toContain("TAILOR_MODEL");
  });

  it("reads comma-separated adapters with optional scales", () => {
    const spec = resolve("m.gguf", "models/pt.gguf@0.8, hf:me/pt-lora/adapter.gguf@0, ./style.gguf,");
    expect(spec.loras).toEqual([
      { path: "/srv/tailor/models/pt.gguf", scale: 0.8 },
      { path: path.join(MODELS, "adapter.gguf"), uri: "hf:me/pt-lora/adapter.gguf", scale: 0 },
      { path: "/srv/tailor/style.gguf", scale: 1 },
    ]);
  });

  it("names TAILOR_LORA for a bad scale or a file that is not .gguf", () => {
    for (const bad of ["a.gguf@-1", "a.gguf@abc", "a.gguf@", "adapter.bin", "hf:bad"]) {
      expect(configError(() => resolve(undefined, bad))).toContain("TAILOR_LORA");
    }
  });

  it("keeps an @ that belongs to a folder or file name as part of the path", () => {
    const spec = resolve("m.gguf", "/home/ci@build/pt.gguf, weights/pt@v2.gguf@0.5");
    expect(spec.loras).toEqual([
      { path: "/home/ci@build/pt.gguf", scale: 1 },
      { path: "/srv/tailor/weights/pt@v2.gguf", scale: 0.5 },
    ]);
  });

  it("reads ~/ as the home folder in TAILOR_MODEL and TAILOR_LORA", () => {
    const spec = resolve("~/weights/base.gguf", "~/pt.gguf@0.3");
    expect(spec.model.path).toBe(path.join(os.homedir(), "weights/base.gguf"));
    expect(spec.loras).toEqual([{ path: path.join(os.homedir(), "pt.gguf"), scale: 0.3 }]);
  });

  it("lets TAILOR_LORA=none turn adapters off", () => {
    expect(resolve(undefined, "none").loras).toEqual([]);
  });
});

describe("hfFileName", () => {
  it("knows the saved file name of every hf: URI form without network", () => {
    expect(hfFileName("hf:u/r/sub/dir/file.Q4.gguf#dev")).toBe("file.Q4.gguf");
    expect(hfFileName("hf:u/Llama-GGUF:Q8_0")).toBe("Llama-Q8_0.gguf");
    expect(hfFileName("hf:u/Llama-GGUF")).toBe("Llama.gguf");
    expect(hfFileName("hf:u")).toBeUndefined();
  });
});
