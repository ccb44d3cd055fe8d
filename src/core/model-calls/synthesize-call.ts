/**
 * Call 3, synthesize: the state → the tailored prompt and its assumptions. A refinement is the same
 * call with the previous version and the user's request.
 */
import { z } from "zod";
import { type CapabilityState, capabilityIdSchema, type Question } from "../conversation.js";
import type { RetrievedExemplar } from "../library.js";
import type { CallSpec } from "./call-model.js";
import { uniqueNonEmpty } from "./clean-text.js";
import { describeAnswers, describeCapabilities, describeExemplars } from "./describe-state.js";
import { arr, capabilityValueItem, obj, str } from "./schema-parts.js";

/**
 * The prompt is bounded: small target models follow a short prompt better, and llama.cpp's grammar
 * parser refuses a string of 2,000 or more repetitions (a schema with `maxLength: 6000` silently lost
 * its grammar, and the model ran on to its token cap without closing the JSON).
 */
export const MAX_PROMPT_CHARS = 1800;

export const synthesizeJsonSchema = obj({
  prompt: str(MAX_PROMPT_CHARS),
  assumptions: arr(str(200), 8),
  corrections: arr(capabilityValueItem, 6),
});

export interface SynthesizeAnswer {
  prompt: string;
  assumptions: string[];
  /** Capabilities a refinement request corrected, with their new values. */
  corrections: { capability: CapabilityState["id"]; value: string }[];
}

const validator: z.ZodType<SynthesizeAnswer> = z
  .object({
    prompt: z.string(),
    assumptions: z.array(z.string()),
    corrections: z.array(z.object({ capability: capabilityIdSchema, value: z.string() })),
  })
  .transform((a) => ({
    prompt: a.prompt.trim(),
    assumptions: uniqueNonEmpty(a.assumptions),
    corrections: a.corrections.map((c) => ({ ...c, value: c.value.trim() })).filter((c) => c.value),
  }))
  .refine((a) => a.prompt.length > 0, { message: "empty prompt" });

const SYSTEM = `You are PromptTailor. Write the tailored prompt a small language model will receive.
Structure it with: Role, Task, Context, Requirements, Format, Constraints. Use {{placeholders}} for material the user will paste in at use time.
Every pinned value must appear in the prompt in the user's exact words. Keep the safety rails listed with the exemplars (medical, legal, financial caveats). Assumed values may be used; list the assumptions you relied on. Optimize the open capabilities yourself.
If a refinement request is given, rewrite the previous version accordingly, and list in "corrections" any capability whose value the request changes.
Return JSON only, matching the schema.`;

export function synthesizeCall(input: {
  intent: string;
  domain?: string;
  capabilities: readonly CapabilityState[];
  questions: readonly Question[];
  freeText: readonly string[];
  exemplars: readonly RetrievedExemplar[];
  previous?: string;
  request?: string;
}): CallSpec<SynthesizeAnswer> {
  const parts = [
    `Intent:\n${input.intent}`,
    `Domain: ${input.domain ?? "unknown"}`,
    `Capabilities:\n${describeCapabilities(input.capabilities)}`,
    `Answers:\n${describeAnswers(input.questions, input.freeText)}`,
    `Exemplars of tailored prompts:\n${describeExemplars(input.exemplars)}`,
  ];
  if (input.previous !== undefined) parts.push(`Previous version:\n${input.previous}`);
  if (input.request !== undefined) parts.push(`Refinement request:\n${input.request}`);
  return {
    call: "synthesize",
    system: SYSTEM,
    user: parts.join("\n\n"),
    schema: synthesizeJsonSchema,
    validator,
    maxTokens: 1200,
  };
}
