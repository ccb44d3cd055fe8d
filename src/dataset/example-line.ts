/**
 * One line of the dataset: a chat example (system, user, assistant) of one engine call, as common
 * trainers read it, with what the summary and the resume need (call, step, domain, language, the
 * dialogue it belongs to, its intent).
 */
import { z } from "zod";
import type { AnySpec } from "./engine-calls.js";

export const STEPS = ["analyse", "integrate", "synthesize", "refine"] as const;
export type StepName = (typeof STEPS)[number];

/** What the user did between the previous call and this one (lets a file be replayed and verified). */
export const userTurnSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("options"), options: z.array(z.string()) }),
  z.object({ kind: z.literal("text"), text: z.string().min(1) }),
  z.object({ kind: z.literal("skip") }),
  z.object({ kind: z.literal("request"), text: z.string().min(1) }),
]);
export type UserTurn = z.infer<typeof userTurnSchema>;

export const exampleLineSchema = z.object({
  messages: z.tuple([
    z.object({ role: z.literal("system"), content: z.string().min(1) }),
    z.object({ role: z.literal("user"), content: z.string().min(1) }),
    z.object({ role: z.literal("assistant"), content: z.string().min(2) }),
  ]),
  call: z.enum(["analyse", "integrate", "synthesize"]),
  /** A refinement is a synthesize call with the previous version and the request. */
  step: z.enum(STEPS),
  domain: z.string().min(1),
  language: z.string().min(2),
  dialogue: z.string().min(1),
  source: z.enum(["library", "teacher"]),
  intent: z.string().min(1),
  before: userTurnSchema.optional(),
});
export type ExampleLine = z.infer<typeof exampleLineSchema>;

export function exampleLine(
  spec: AnySpec,
  target: string,
  meta: Omit<ExampleLine, "messages" | "call" | "step" | "before"> & { step: StepName; before?: UserTurn },
): ExampleLine {
  return {
    messages: [
      { role: "system", content: spec.system },
      { role: "user", content: spec.user },
      { role: "assistant", content: target },
    ],
    call: spec.call as ExampleLine["call"],
    step: meta.step,
    domain: meta.domain,
    language: meta.language,
    dialogue: meta.dialogue,
    source: meta.source,
    intent: meta.intent,
    ...(meta.before ? { before: meta.before } : {}),
  };
}
