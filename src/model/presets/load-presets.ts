/**
 * Reads and validates every preset in a models folder (`models/*.json`). A bad preset stops the
 * start with TailorError("config.invalid") naming its file and field.
 */
import fs from "node:fs";
import path from "node:path";
import { TailorError } from "../../core/errors.js";
import { type Preset, presetSchema } from "./preset-schema.js";

export function loadPresets(modelsDir: string): Preset[] {
  let names: string[];
  try {
    names = fs.readdirSync(modelsDir).filter((name) => name.endsWith(".json"));
  } catch (error) {
    throw new TailorError("config.invalid", `cannot read the model presets folder ${modelsDir}`, { cause: error });
  }
  const presets = names.sort().map((name) => readPreset(path.join(modelsDir, name)));
  const defaults = presets.filter((p) => p.default);
  if (presets.length > 0 && defaults.length !== 1) {
    throw new TailorError(
      "config.invalid",
      `exactly one preset in ${modelsDir} must have "default": true (found ${defaults.length})`,
    );
  }
  return presets;
}

/** The preset used when TAILOR_MODEL is unset. */
export function defaultPreset(presets: readonly Preset[]): Preset | undefined {
  return presets.find((p) => p.default);
}

function readPreset(file: string): Preset {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new TailorError("config.invalid", `model preset ${file} is not valid JSON`, { cause: error });
  }
  const result = presetSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? issue.path.join(".") : "(root)";
    throw new TailorError("config.invalid", `model preset ${file}: ${where} ${issue?.message ?? "is invalid"}`);
  }
  if (path.basename(file) !== `${result.data.name}.json`) {
    throw new TailorError(
      "config.invalid",
      `model preset ${file}: name "${result.data.name}" must match its file name`,
    );
  }
  return result.data;
}
