/**
 * What the in-process runtime loads: one base model file and its LoRA adapters, each either a
 * local file or an `hf:` URI whose file lands in the models folder.
 */
import type { Preset } from "../presets/preset-schema.js";

export interface ModelFileRef {
  /** `file`: a local path given by the operator; `hf`: downloaded from `uri` into the models folder. */
  source: "file" | "hf";
  /** Absolute path where the file is (or will be once downloaded). */
  path: string;
  uri?: string;
}

export interface LoraRef {
  path: string;
  uri?: string;
  /** 0 reproduces the base model; 1 is the adapter as trained. */
  scale: number;
}

export interface ModelSpec {
  model: ModelFileRef;
  loras: LoraRef[];
  /** The preset TAILOR_MODEL named (or the default one); carries the context size. */
  preset?: Preset;
}
