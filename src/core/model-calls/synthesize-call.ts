/**
 * Call 3, synthesize: the state → the tailored prompt and its assumptions. A refinement is the same
 * call with the previous version and the user's request. The rules are written for what a small
 * model gets wrong: it must write the prompt, not the deliverable; short numbered rules; a closing
 * "Output only" line; a bounded length; the user's language.
 */
import { z } from "zod";
import { type CapabilityState, capabilityIdSchema, type Question } from "../conversation.js";
import type { Exemplar } from "../library.js";
import type { DomainGuide, LibraryContext } from "./call-inputs.js";
import type { CallSpec } from "./call-model.js";
import { uniqueNonEmpty } from "./clean-text.js";
import { describeAnswers, describeCapabilities } from "./describe-state.js";
import { arr, capabilityValueItem, obj, str } from "./schema-parts.js";
import { type Detail, sharedSystem } from "./shared-system.js";

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

const rules = (language: string) => `Step: synthesize the tailored prompt.
Rules:
1. Write the prompt that another model will receive. Never do the task yourself: no finished email, plan, story or code.
2. Use these sections, each starting on its own line: Role:, Task:, Context:, Requirements: (short numbered rules), Format:, Constraints:. End with one line that starts "Output only".
3. Keep every pinned value in the user's exact words, where it belongs: facts under Context, limits and things to avoid under Constraints, the rest under Requirements.
4. Keep the facts the user gave (names, numbers, places). Use {{placeholders}} only for facts the user has not given.
5. Keep the safety rails listed below.
6. Write the prompt in ${language}, and tell the model to answer in ${language}.
7. At most 250 words.
8. assumptions: the values you assumed, a few words each. corrections: empty.`;

const REFINE_RULES = `This is a refinement. Change only what the request asks; keep everything else as it was.
Turn relative requests into concrete ones ("shorter" becomes a word limit, "more formal" names the tone).
List in corrections each capability whose value the request changes, with its new value.`;

const describeExemplar = (e: Exemplar) =>
  [
    `Intent: ${e.intent}`,
    ...(e.answers?.length ? [`Answers: ${e.answers.map((a) => `${a.capability}: ${a.answer}`).join("; ")}`] : []),
    `Tailored prompt:\n${e.prompt}`,
  ].join("\n");

export function synthesizeCall(input: {
  intent: string;
  capabilities: readonly CapabilityState[];
  questions: readonly Question[];
  freeText: readonly string[];
  guide: DomainGuide;
  library: LibraryContext;
  language: string;
  /** The user pasted material: it is attached after the prompt by the engine. */
  hasMaterial?: boolean;
  previous?: string;
  request?: string;
}): CallSpec<SynthesizeAnswer> {
  const refining = input.previous !== undefined;
  const build = (detail: Detail): CallSpec<SynthesizeAnswer> => {
    const exemplars = input.guide.exemplars.slice(0, detail === "full" && !refining ? 1 : 0);
    const parts = [
      rules(input.language),
      refining ? REFINE_RULES : "",
      `Domain: ${input.guide.domain}`,
      input.guide.rails.length ? `Safety rails:\n${input.guide.rails.map((r) => `- ${r}`).join("\n")}` : "",
      exemplars.length
        ? `Example of a tailored prompt in this domain:\n${exemplars.map(describeExemplar).join("\n\n")}`
        : "",
      `Capabilities:\n${describeCapabilities(input.capabilities)}`,
      `<answers>\n${describeAnswers(input.questions, input.freeText)}\n</answers>`,
      input.hasMaterial
        ? 'The user pasted material (shown shortened in the intent). It is attached after your prompt under "Material:": refer to it, do not copy it.'
        : "",
      refining ? `Previous version:\n${input.previous}` : "",
      `<intent>\n${input.intent}\n</intent>`,
      refining ? `<request>\n${input.request ?? ""}\n</request>` : "",
    ];
    return {
      call: "synthesize",
      system: sharedSystem(input.library.catalog, input.library.domains, detail),
      user: parts.filter(Boolean).join("\n\n"),
      schema: synthesizeJsonSchema,
      validator,
      maxTokens: 900,
    };
  };
  return { ...build("full"), compact: build("compact") };
}
