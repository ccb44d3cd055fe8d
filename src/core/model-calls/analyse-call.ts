/**
 * Call 1, analyse: intent + retrieved exemplars → domain, pinned quotes, assumptions, questions.
 */
import { z } from "zod";
import { type CapabilityId, capabilityIdSchema } from "../conversation.js";
import type { CapabilityDefinition, RetrievedExemplar } from "../library.js";
import type { CallSpec } from "./call-model.js";
import { findVerbatim, uniqueNonEmpty } from "./clean-text.js";
import { describeCatalog, describeExemplars } from "./describe-state.js";
import { arr, capabilityEnum, capabilityValueItem, obj, questionItem, str } from "./schema-parts.js";

export const MAX_QUESTIONS = 3;

export const analyseJsonSchema = obj({
  domain: str(40),
  pinned: arr(obj({ capability: capabilityEnum, quote: str(300) }), 12),
  assumed: arr(capabilityValueItem, 12),
  questions: arr(questionItem, MAX_QUESTIONS),
});

export interface ProposedQuestion {
  capability: CapabilityId;
  question: string;
  options: string[];
}

/** Keeps usable questions: 2–5 distinct options, one per capability, none for a pinned capability. */
export function cleanQuestions(
  raw: readonly ProposedQuestion[],
  exclude: ReadonlySet<CapabilityId>,
): ProposedQuestion[] {
  const seen = new Set<CapabilityId>(exclude);
  const out: ProposedQuestion[] = [];
  for (const q of raw) {
    const options = uniqueNonEmpty(q.options).slice(0, 5);
    if (seen.has(q.capability) || !q.question.trim() || options.length < 2) continue;
    seen.add(q.capability);
    out.push({ capability: q.capability, question: q.question.trim(), options });
  }
  return out.slice(0, MAX_QUESTIONS);
}

const rawQuestion = z.object({
  capability: capabilityIdSchema,
  question: z.string(),
  options: z.array(z.string()),
});

export function analyseValidator(intent: string) {
  return z
    .object({
      domain: z.string(),
      pinned: z.array(z.object({ capability: capabilityIdSchema, quote: z.string() })),
      assumed: z.array(z.object({ capability: capabilityIdSchema, value: z.string() })),
      questions: z.array(rawQuestion),
    })
    .transform((answer) => {
      // A pinned value must be the user's words: quotes not found in the intent are dropped.
      const pinned = answer.pinned.flatMap((p) => {
        const value = findVerbatim(intent, p.quote);
        return value ? [{ capability: p.capability, value }] : [];
      });
      const pinnedIds = new Set(pinned.map((p) => p.capability));
      const assumed = answer.assumed
        .map((a) => ({ capability: a.capability, value: a.value.trim() }))
        .filter((a) => a.value && !pinnedIds.has(a.capability));
      return { domain: answer.domain.trim(), pinned, assumed, questions: cleanQuestions(answer.questions, pinnedIds) };
    });
}

export type AnalyseAnswer = z.output<ReturnType<typeof analyseValidator>>;

const SYSTEM = `You are PromptTailor. A user wants a prompt for a small language model. Analyse their intent.
Return JSON only, matching the schema:
- domain: the id of the closest domain (see the exemplars).
- pinned: capabilities the intent itself states; "quote" must copy the user's exact words from the intent.
- assumed: sensible values you infer for other capabilities that matter (the user will see and may correct them).
- questions: at most ${MAX_QUESTIONS} questions about the open capabilities that would change the prompt most, each with 2 to 5 short options. Ask nothing the intent already answers. If the intent is fully specified, return no questions.`;

export function analyseCall(input: {
  intent: string;
  exemplars: readonly RetrievedExemplar[];
  catalog: readonly CapabilityDefinition[];
}): CallSpec<AnalyseAnswer> {
  const user = [
    `Intent:\n${input.intent}`,
    `Capabilities:\n${describeCatalog(input.catalog)}`,
    `Retrieved exemplars:\n${describeExemplars(input.exemplars)}`,
  ].join("\n\n");
  return {
    call: "analyse",
    system: SYSTEM,
    user,
    schema: analyseJsonSchema,
    validator: analyseValidator(input.intent),
    maxTokens: 1024,
  };
}
