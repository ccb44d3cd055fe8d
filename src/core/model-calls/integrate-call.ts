/**
 * Call 2, integrate: the state + the user's free-text answers → pinned values, and whether one
 * more round of questions is essential.
 */
import { z } from "zod";
import { type CapabilityState, capabilityIdSchema, type Question } from "../conversation.js";
import { cleanQuestions, MAX_QUESTIONS, type ProposedQuestion } from "./analyse-call.js";
import type { CallSpec } from "./call-model.js";
import { describeAnswers, describeCapabilities } from "./describe-state.js";
import { arr, capabilityValueItem, obj, questionItem } from "./schema-parts.js";

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
    const pinned = answer.pinned.map((p) => ({ ...p, value: p.value.trim() })).filter((p) => p.value);
    return { pinned, moreQuestions: cleanQuestions(answer.more_questions, new Set(pinned.map((p) => p.capability))) };
  });

const SYSTEM = `You are PromptTailor. The user answered your questions about the prompt they want.
Return JSON only, matching the schema:
- pinned: for each capability the answers settle, its value in the user's own words.
- more_questions: only if an essential capability is still unclear, at most ${MAX_QUESTIONS} questions with 2 to 5 short options; otherwise an empty list. Prefer an empty list.`;

export function integrateCall(input: {
  intent: string;
  capabilities: readonly CapabilityState[];
  questions: readonly Question[];
  freeText: readonly string[];
  mayAskMore: boolean;
}): CallSpec<IntegrateAnswer> {
  const user = [
    `Intent:\n${input.intent}`,
    `Capabilities so far:\n${describeCapabilities(input.capabilities)}`,
    `Answers:\n${describeAnswers(input.questions, input.freeText)}`,
    input.mayAskMore
      ? "You may ask one more round if essential."
      : "No more questions: return an empty more_questions.",
  ].join("\n\n");
  return { call: "integrate", system: SYSTEM, user, schema: integrateJsonSchema, validator, maxTokens: 768 };
}
