/**
 * Call 2, integrate: the state + the user's free-text answers → pinned values, and whether one
 * more round of questions is essential. Same shared system turn as the other calls.
 */
import { z } from "zod";
import { type CapabilityState, capabilityIdSchema, type Question } from "../conversation.js";
import { cleanQuestions, MAX_QUESTIONS, type ProposedQuestion } from "./analyse-call.js";
import type { LibraryContext } from "./call-inputs.js";
import type { CallSpec } from "./call-model.js";
import { describeAnswers, describeCapabilities } from "./describe-state.js";
import { arr, capabilityValueItem, obj, questionItem } from "./schema-parts.js";
import { type Detail, sharedSystem } from "./shared-system.js";
import { isInstructionToBot, isMetaAnswer } from "./user-text-kind.js";

export const integrateJsonSchema = obj({
  pinned: arr(capabilityValueItem, 12),
  more_questions: arr(questionItem, MAX_QUESTIONS),
});

export interface IntegrateAnswer {
  pinned: { capability: CapabilityState["id"]; value: string }[];
  moreQuestions: ProposedQuestion[];
}

const validator: z.ZodType<IntegrateAnswer> = z
  .object({
    pinned: z.array(z.object({ capability: capabilityIdSchema, value: z.string() })),
    more_questions: z.array(
      z.object({ capability: capabilityIdSchema, question: z.string(), options: z.array(z.string()) }),
    ),
  })
  .transform((answer) => {
    // "you decide" or "I'll paste it later" is not a value; an instruction to the bot never is.
    const pinned = answer.pinned
      .map((p) => ({ ...p, value: p.value.trim() }))
      .filter((p) => p.value && !isMetaAnswer(p.value) && !isInstructionToBot(p.value));
    return { pinned, moreQuestions: cleanQuestions(answer.more_questions, new Set(pinned.map((p) => p.capability))) };
  });

const rules = (language: string, mayAskMore: boolean) => `Step: integrate the user's answers.
Rules:
1. pinned: for each capability the answers settle, its value in the user's own words (copy them).
2. Answers that are not values ("you decide", "nothing in particular", "I'll paste it later") pin nothing.
3. more_questions: ${
  mayAskMore
    ? `only if an essential capability is still unclear, at most ${MAX_QUESTIONS} questions with 2 to 5 short options, in ${language}. Prefer an empty list.`
    : "return an empty list (no more rounds)."
}`;

export function integrateCall(input: {
  intent: string;
  capabilities: readonly CapabilityState[];
  questions: readonly Question[];
  freeText: readonly string[];
  mayAskMore: boolean;
  library: LibraryContext;
  language: string;
}): CallSpec<IntegrateAnswer> {
  const build = (detail: Detail): CallSpec<IntegrateAnswer> => ({
    call: "integrate",
    system: sharedSystem(input.library.catalog, input.library.domains, detail),
    user: [
      rules(input.language, input.mayAskMore),
      `Capabilities so far:\n${describeCapabilities(input.capabilities)}`,
      `<intent>\n${input.intent}\n</intent>`,
      `<answers>\n${describeAnswers(input.questions, input.freeText)}\n</answers>`,
    ].join("\n\n"),
    schema: integrateJsonSchema,
    validator,
    maxTokens: 512,
  });
  return { ...build("full"), compact: build("compact") };
}
