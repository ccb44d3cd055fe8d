/**
 * TAILOR_LORA: comma-separated adapters, each a `.gguf` path or an `hf:` URI, optionally `@scale`
 * (`models/pt.gguf@0.8`). `none` turns off a preset's adapter.
 */
import path from "node:path";
import { TailorError } from "../../core/errors.js";
import { hfFileName, isHfUri } from "./hf-uri.js";
import { resolveLocalPath } from "./local-path.js";
import type { LoraRef } from "./model-spec.js";

const fail = (message: string) => new TailorError("config.invalid", `TAILOR_LORA ${message}`);

export function parseLoraList(value: string, options: { modelsDir: string; cwd: string }): LoraRef[] {
  if (value.trim().toLowerCase() === "none") return [];
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  return entries.map((entry) => parseEntry(entry, options));
}

/**
 * Splits `target@scale`. An `@` inside a folder or file name (`/home/ci@build/pt.gguf`) is part of
 * the path: only a last `@` followed by no path separator and no `.gguf` starts a scale.
 */
function splitScale(entry: string): { target: string; scaleText: string } {
  const at = entry.lastIndexOf("@");
  const suffix = at >= 0 ? entry.slice(at + 1) : "";
  if (at < 0 || /[\\/]/.test(suffix) || suffix.trim().toLowerCase().endsWith(".gguf")) {
    return { target: entry, scaleText: "1" };
  }
  return { target: entry.slice(0, at).trim(), scaleText: suffix.trim() };
}

function parseEntry(entry: string, options: { modelsDir: string; cwd: string }): LoraRef {
  const { target, scaleText } = splitScale(entry);
  const scale = scaleText === "" ? Number.NaN : Number(scaleText);
  if (!Number.isFinite(scale) || scale < 0) {
    throw fail(`has "${entry}": the scale after @ must be a number ≥ 0 (e.g. models/pt.gguf@0.8)`);
  }
  if (isHfUri(target)) {
    const file = hfFileName(target);
    if (!file) throw fail(`has "${target}", not a valid hf: URI (hf:user/repo/file.gguf or hf:user/repo:QUANT)`);
    return { path: path.join(options.modelsDir, file), uri: target, scale };
  }
  if (!target.toLowerCase().endsWith(".gguf")) {
    throw fail(`has "${target}": each adapter must be a .gguf path or an hf: URI, optionally @scale`);
  }
  return { path: resolveLocalPath(target, options.cwd), scale };
}
