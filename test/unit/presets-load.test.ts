/**
 * The committed presets in models/ and the validation an operator's own preset goes through.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isTailorError } from "../../src/core/errors.js";
import { defaultPreset, loadPresets } from "../../src/model/presets/load-presets.js";

const MODELS = path.resolve("models");
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dirWith(files: Record<string, unknown>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pt-presets-"));
  temps.push(dir);
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

const committed = () => JSON.parse(fs.readFileSync(path.join(MODELS, "llama3-8b-prompttailor.json"), "utf8"));

function configError(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isTailorError(error) && error.code === "config.invalid") return error.message;
    throw error;
  }
  throw new Error("expected a config.invalid error");
}

describe("model presets", () => {
  it("ships a default Llama-3-8B-Instruct 4-bit preset with an 8192 context and no adapter yet", () => {
    const presets = loadPresets(MODELS);
    const preset = defaultPreset(presets);
    expect(preset?.name).toBe("llama3-8b-prompttailor");
    expect(preset?.model.uri).toMatch(/^hf:.*Meta-Llama-3-8B-Instruct.*Q4_K_M/);
    expect(preset?.model.file).toMatch(/Q4_K_M\.gguf$/);
    expect(preset?.contextSize).toBe(8192);
    expect(preset?.adapter).toBeNull();
    expect(preset?.adapterNote).toContain("TAILOR_LORA");
    expect(preset?.license).toBe("Meta Llama 3 Community License");
  });

  it("ships a smaller laptop preset under the Llama 3.2 licence", () => {
    const laptop = loadPresets(MODELS).find((p) => !p.default);
    expect(laptop?.model.uri).toMatch(/Llama-3\.2-3B-Instruct/);
    expect(laptop?.license).toBe("Llama 3.2 Community License");
    expect(laptop?.approxSizeGb).toBeLessThan(defaultPreset(loadPresets(MODELS))?.approxSizeGb ?? 0);
  });

  it("names the file and the field of an invalid preset", () => {
    const bad = { ...committed(), contextSize: "big" };
    const message = configError(() => loadPresets(dirWith({ "llama3-8b-prompttailor.json": bad })));
    expect(message).toContain("llama3-8b-prompttailor.json");
    expect(message).toContain("contextSize");
  });

  it("rejects a preset whose model URI is not an hf: URI", () => {
    const bad = { ...committed(), model: { uri: "https://example.com/x.gguf", file: "x.gguf" } };
    expect(configError(() => loadPresets(dirWith({ "llama3-8b-prompttailor.json": bad })))).toContain("model.uri");
  });

  it("rejects a preset that is not JSON, or whose name differs from its file", () => {
    expect(configError(() => loadPresets(dirWith({ "a.json": "{ nope" })))).toContain("a.json");
    expect(configError(() => loadPresets(dirWith({ "other.json": committed() })))).toContain("must match");
  });

  it("wants exactly one default preset", () => {
    const second = { ...committed(), name: "second" };
    const message = configError(() =>
      loadPresets(dirWith({ "llama3-8b-prompttailor.json": committed(), "second.json": second })),
    );
    expect(message).toContain("default");
  });

  it("accepts an adapter with a scale, from a URI or from a folder next to the presets", () => {
    const withUri = { ...committed(), adapter: { uri: "hf:me/pt-lora/pt.gguf", file: "pt.gguf", scale: 0.8 } };
    expect(loadPresets(dirWith({ "llama3-8b-prompttailor.json": withUri }))[0]?.adapter).toMatchObject({ scale: 0.8 });
    const withPath = { ...committed(), adapter: { path: ".", file: "pt.gguf", scale: 1 } };
    expect(loadPresets(dirWith({ "llama3-8b-prompttailor.json": withPath }))[0]?.adapter).toMatchObject({ path: "." });
    const negative = { ...committed(), adapter: { path: ".", file: "pt.gguf", scale: -1 } };
    expect(configError(() => loadPresets(dirWith({ "llama3-8b-prompttailor.json": negative })))).toContain("adapter");
  });
});
