/**
 * Teacher mode: a stronger model writes an intent for the cell's domain and language, answers the
 * engine's own calls (analyse, integrate, synthesize, a refinement), and plays the user in between
 * (answering a question round in free text, asking for a change). Every answer goes through the
 * engine's validators; a synthesize answer that drops a pinned value is refused, not repaired.
 */

import { languageName } from "../core/language/language-names.js";
import type { CallSpec } from "../core/model-calls/call-model.js";
import { checkAnswer } from "./check-answer.js";
import {
  type AnalyseAnswer,
  type AnySpec,
  Dialogue,
  type EngineContext,
  engineLanguage,
  type IntegrateAnswer,
  type SynthesizeAnswer,
} from "./engine-calls.js";
import { type ExampleLine, exampleLine, type StepName, type UserTurn } from "./example-line.js";
import type { DialogueOutcome } from "./library-dialogues.js";
import type { Rng } from "./rng.js";
import type { Cell } from "./run-dataset.js";
import type { Teacher } from "./teacher-client.js";

/** The engine's calls are answered focused; the user's side is played with more variety. */
const CALL_TEMPERATURE = 0.3;
const USER_TEMPERATURE = 0.9;
const MAX_USER_TEXT = 600;

const textSchema = (key: string, maxLength: number) => ({
  type: "object",
  properties: { [key]: { type: "string", maxLength } },
  required: [key],
  additionalProperties: false,
});

const STYLES = [
  "terse, lowercase, like a quick chat message, 4 to 10 words",
  "one sentence that states two preferences (for example length, tone, audience or format)",
  "vague: what they want, nothing about how",
  "detailed: two or three sentences with the facts the model needs and one constraint",
  "casual, with a small typo",
  "polite request that names who it is for",
];

const USER_SYSTEM =
  "You play a person using a chat assistant that writes prompts for a small language model. Stay in character: write only what that person would type. Answer with JSON only.";

class Rejected extends Error {}

export async function teacherDialogue(
  engine: EngineContext,
  teacher: Teacher,
  cell: Cell,
  rng: Rng,
  id: string,
): Promise<DialogueOutcome> {
  const language = languageName(cell.language);
  const userText = async (name: string, key: string, user: string): Promise<string> => {
    const text = await teacher.complete({
      name,
      system: USER_SYSTEM,
      user,
      schema: textSchema(key, MAX_USER_TEXT),
      maxTokens: 300,
      temperature: USER_TEMPERATURE,
    });
    let value: unknown;
    try {
      value = (JSON.parse(text) as Record<string, unknown>)[key];
    } catch {
      throw new Rejected(`${name}: not valid JSON`);
    }
    if (typeof value !== "string" || !value.trim()) throw new Rejected(`${name}: empty`);
    return value.trim().slice(0, MAX_USER_TEXT);
  };

  const examples = cell.domain.exemplars.map((e) => `- ${e.intent}`).join("\n");
  let intent: string;
  try {
    intent = await userText(
      "intent",
      "intent",
      `Write one request you would send to get a prompt written, in ${language}.\nDomain: ${cell.domain.title}: ${cell.domain.description}\nStyle: ${rng.pick(STYLES)}\nTypical requests there (write a different one, with its own topic):\n${examples}`,
    );
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.message };
    throw error;
  }
  if (engineLanguage(intent) !== cell.language)
    return { ok: false, reason: "intent: language detected differently", intent };

  const dialogue = new Dialogue(engine, intent, id);
  const lines: ExampleLine[] = [];
  let before: UserTurn | undefined;
  const meta = (step: StepName) => {
    const taken = before;
    before = undefined;
    return {
      before: taken,
      step,
      domain: cell.domain.id,
      language: cell.language,
      dialogue: id,
      source: "teacher" as const,
      intent,
    };
  };
  const ask = async <T extends AnalyseAnswer | IntegrateAnswer | SynthesizeAnswer>(
    step: StepName,
    spec: CallSpec<T>,
  ): Promise<T> => {
    const text = await teacher.complete({
      name: spec.call,
      system: spec.system,
      user: spec.user,
      schema: spec.schema,
      maxTokens: spec.maxTokens,
      temperature: CALL_TEMPERATURE,
    });
    const checked = checkAnswer(spec, text);
    if (!checked.ok) throw new Rejected(`${step}: ${checked.reason}`);
    lines.push(exampleLine(spec as AnySpec, checked.target, meta(step)));
    return checked.value;
  };

  try {
    let asking = dialogue.applyAnalyse(await ask("analyse", dialogue.analyseSpec()));
    while (asking) {
      const mode = rng.pick(["options", "text", "text", "skip"] as const);
      if (mode === "skip") {
        dialogue.skip();
        before = { kind: "skip" };
        break;
      }
      if (mode === "options") {
        const options = dialogue.questions.map((q) => rng.pick(q.options));
        dialogue.answerWithOptions(options);
        before = { kind: "options", options };
        break;
      }
      const questions = dialogue.questions
        .map((q, i) => `${i + 1}. ${q.text} (options: ${q.options.join(" / ")})`)
        .join("\n");
      const answer = await userText(
        "user_answer",
        "answer",
        `Your request was: ${intent}\nThe assistant asks:\n${questions}\nAnswer all of them in one short message in ${language}, in your own words (you may pick options or say something else; you may leave one to the assistant).`,
      );
      dialogue.answerWithText(answer);
      before = { kind: "text", text: answer };
      asking = dialogue.applyIntegrate(await ask("integrate", dialogue.integrateSpec()));
    }
    const first = dialogue.applySynthesize(await ask("synthesize", dialogue.synthesizeSpec()));
    if (first.repaired.length > 0) throw new Rejected("synthesize: dropped a pinned value (alignment)");
    if (rng.chance(0.35)) {
      const request = await userText(
        "refinement",
        "request",
        `Your request was: ${intent}\nThe assistant wrote this prompt:\n${first.prompt}\nAsk for one change to it (shorter, another tone, another audience, something to add or avoid...) in one short message in ${language}.`,
      );
      const refineSpec = dialogue.refineSpec(request);
      before = { kind: "request", text: request };
      const refined = dialogue.applyRefine(await ask("refine", refineSpec));
      if (refined.repaired.length > 0) throw new Rejected("refine: dropped a pinned value (alignment)");
    }
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, reason: error.message, intent };
    throw error;
  }
  return { ok: true, intent, lines };
}
