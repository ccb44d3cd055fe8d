/**
 * The phrase kits of library mode, one per language (language-kits.json): intent frames, the
 * phrases a user states preferences with, translated questions and labels, answer and refinement
 * frames, and the skeleton of a prompt in that language. Data, validated when loaded.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { CAPABILITY_IDS, type CapabilityId, capabilityIdSchema } from "../core/conversation.js";

const capabilityMap = <T extends z.ZodType>(value: T) => z.partialRecord(capabilityIdSchema, value);

const kitSchema = z.object({
  frames: z.array(z.string().includes("{task}")).min(1),
  preferenceFrames: z.array(z.string().includes("{value}")).min(1),
  labels: z.record(capabilityIdSchema, z.string().min(1)),
  /** Translated catalog questions (English uses the catalog's own). */
  questions: capabilityMap(z.string().min(1)).optional(),
  values: capabilityMap(z.array(z.string().min(1)).min(2)),
  answerFrames: z.array(z.string().includes("{answers}")).min(1),
  partialFrame: z.string().includes("{answers}"),
  refineFrames: z.array(z.string().includes("{value}")).min(1),
  prompt: z.object({
    answerIn: z.string().min(1),
    role: z.string().optional(),
    task: z.string().includes("{task}").optional(),
    context: z.string().optional(),
    requirements: z.array(z.string()).optional(),
    format: z.string().optional(),
    constraints: z.string().optional(),
    outputOnly: z.string().startsWith("Output only").optional(),
  }),
  /** Per domain id: what the user asks for, as a noun phrase (not for English: the exemplar intents are). */
  tasks: z.record(z.string(), z.string().min(1)).optional(),
});
export type LanguageKit = z.infer<typeof kitSchema>;

const kitsSchema = z.record(z.string().regex(/^[a-z]{2}$/), kitSchema);

export function loadLanguageKits(file = new URL("./language-kits.json", import.meta.url)): Record<string, LanguageKit> {
  return kitsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** Capabilities a kit can state values for. */
export const kitCapabilities = (kit: LanguageKit): CapabilityId[] =>
  CAPABILITY_IDS.filter((id) => (kit.values[id]?.length ?? 0) >= 2);

export const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
