/**
 * Turns TAILOR_MODEL and TAILOR_LORA into the files to load. TAILOR_MODEL is a preset name from
 * the models folder, a local `.gguf` path (relative to the working directory) or an `hf:` URI
 * (saved in the models folder); unset means the default preset with its adapter.
 * Nothing here touches the network: `ensureModelFiles` fetches what is missing.
 */
import path from "node:path";
import { TailorError } from "../../core/errors.js";
import { defaultPreset, loadPresets } from "../presets/load-presets.js";
import type { Preset } from "../presets/preset-schema.js";
import { hfFileName, isHfUri } from "./hf-uri.js";
import { resolveLocalPath } from "./local-path.js";
import type { LoraRef, ModelFileRef, ModelSpec } from "./model-spec.js";
import { parseLoraList } from "./parse-lora-list.js";

export { ensureModelFiles } from "./ensure-model-files.js";
export type { LoraRef, ModelFileRef, ModelSpec } from "./model-spec.js";

export interface ResolveModelOptions {
  /** TAILOR_MODEL. */
  model?: string;
  /** TAILOR_LORA. */
  lora?: string;
  /** Folder of the presets and of downloaded files (`models/`). */
  modelsDir: string;
  /** Base of relative paths. Default: the process's working directory. */
  cwd?: string;
}

const fail = (message: string) => new TailorError("config.invalid", message);

export function resolveModelSpec(options: ResolveModelOptions): ModelSpec {
  const cwd = options.cwd ?? process.cwd();
  const modelsDir = path.resolve(cwd, options.modelsDir);
  const value = options.model?.trim() ?? "";
  const { model, preset } = value === "" ? fromPreset(undefined, modelsDir) : fromValue(value, modelsDir, cwd);

  const loraValue = options.lora?.trim() ?? "";
  const loras = loraValue === "" ? presetLoras(preset, modelsDir) : parseLoraList(loraValue, { modelsDir, cwd });
  return preset ? { model, loras, preset } : { model, loras };
}

function fromValue(value: string, modelsDir: string, cwd: string): { model: ModelFileRef; preset?: Preset } {
  if (isHfUri(value)) {
    const file = hfFileName(value);
    if (!file)
      throw fail(`TAILOR_MODEL "${value}" is not a valid hf: URI (hf:user/repo/file.gguf or hf:user/repo:QUANT)`);
    return { model: { source: "hf", path: path.join(modelsDir, file), uri: value } };
  }
  if (value.toLowerCase().endsWith(".gguf")) {
    return { model: { source: "file", path: resolveLocalPath(value, cwd) } };
  }
  if (/[\\/]/.test(value)) {
    throw fail(`TAILOR_MODEL "${value}" looks like a path but is not a .gguf file`);
  }
  return fromPreset(value, modelsDir);
}

function fromPreset(name: string | undefined, modelsDir: string): { model: ModelFileRef; preset: Preset } {
  const presets = loadPresets(modelsDir);
  const preset = name === undefined ? defaultPreset(presets) : presets.find((p) => p.name === name);
  if (!preset) {
    const known = presets.map((p) => p.name).join(", ") || "none";
    throw fail(
      name === undefined
        ? `TAILOR_MODEL is unset and ${modelsDir} has no default preset: set TAILOR_MODEL to a preset, a .gguf path or an hf: URI`
        : `TAILOR_MODEL "${name}" is not a preset (presets: ${known}), a .gguf path or an hf: URI`,
    );
  }
  return {
    preset,
    model: { source: "hf", path: path.join(modelsDir, preset.model.file), uri: preset.model.uri },
  };
}

function presetLoras(preset: Preset | undefined, modelsDir: string): LoraRef[] {
  const adapter = preset?.adapter;
  if (!adapter) return [];
  if ("uri" in adapter) return [{ path: path.join(modelsDir, adapter.file), uri: adapter.uri, scale: adapter.scale }];
  return [{ path: path.resolve(modelsDir, adapter.path, adapter.file), scale: adapter.scale }];
}
