/**
 * A model preset (`models/<name>.json`): which base model file to fetch, its context size, the
 * LoRA adapter to apply (if any) and the licence an operator accepts by using it.
 */
import { z } from "zod";

const ggufFile = z.string().regex(/^[\w.+-]+\.gguf$/, { error: "must be a plain .gguf file name (no folders)" });

/** An `hf:` URI as node-llama-cpp downloads it: `hf:user/repo/path/file.gguf` or `hf:user/repo:QUANT`. */
const hfUri = z.string().regex(/^hf:[\w.-]+\/[\w.-]+(\/[^\s#]+\.gguf(#[\w.-]+)?|:[\w.-]+)?$/, {
  error: "must be an hf: URI (hf:user/repo/file.gguf or hf:user/repo:QUANT)",
});

export const presetAdapterSchema = z.union([
  z.strictObject({ uri: hfUri, file: ggufFile, scale: z.number().min(0) }),
  /** An adapter already on disk: `path` is its folder, relative to `models/` ("." for `models/` itself). */
  z.strictObject({ path: z.string().min(1), file: ggufFile, scale: z.number().min(0) }),
]);

export const presetSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, { error: "must be lower-case letters, digits, dots and dashes" }),
  description: z.string().min(1),
  /** `file` is the name the model is saved under in `models/` (and looked for there before any download). */
  model: z.strictObject({ uri: hfUri, file: ggufFile }),
  quantization: z.string().min(1),
  contextSize: z.number().int().min(256),
  adapter: presetAdapterSchema.nullable(),
  /** Why the adapter is what it is (for instance where to get one). */
  adapterNote: z.string().optional(),
  license: z.string().min(1),
  licenseUrl: z.url(),
  approxSizeGb: z.number().positive(),
  /** The preset used when TAILOR_MODEL is unset. Exactly one preset has it. */
  default: z.boolean().optional(),
});

export type Preset = z.infer<typeof presetSchema>;
export type PresetAdapter = z.infer<typeof presetAdapterSchema>;
