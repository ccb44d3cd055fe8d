/**
 * Replays a dataset's dialogues through the engine as it is now: each example's system and user
 * texts must be exactly what the engine sends at that point, each target must pass the call's
 * validator unchanged, and every prompt must keep its pinned values. A file made before the engine's
 * call texts changed fails here: regenerate it (`npm run dataset -- --verify FILE`).
 */

import type { CallSpec } from "../core/model-calls/call-model.js";
import { checkAnswer } from "./check-answer.js";
import {
  type AnalyseAnswer,
  Dialogue,
  type EngineContext,
  type IntegrateAnswer,
  type SynthesizeAnswer,
} from "./engine-calls.js";
import type { ExampleLine } from "./example-line.js";

export interface ReplayProblem {
  dialogue: string;
  step: string;
  problem: string;
}

export function replayDialogue(engine: EngineContext, lines: readonly ExampleLine[]): ReplayProblem | undefined {
  const first = lines[0];
  if (!first) return undefined;
  const dialogue = new Dialogue(engine, first.intent, first.dialogue);
  for (const line of lines) {
    const before = line.before;
    if (before?.kind === "options") dialogue.answerWithOptions(before.options);
    else if (before?.kind === "text") dialogue.answerWithText(before.text);
    else if (before?.kind === "skip") dialogue.skip();
    try {
      if (line.step === "analyse") dialogue.applyAnalyse(expect(dialogue.analyseSpec(), line));
      else if (line.step === "integrate") dialogue.applyIntegrate(expect(dialogue.integrateSpec(), line));
      else {
        if (line.step === "refine" && before?.kind !== "request")
          throw new Mismatch("a refinement without its request");
        const done =
          line.step === "refine" && before?.kind === "request"
            ? dialogue.applyRefine(expect(dialogue.refineSpec(before.text), line))
            : dialogue.applySynthesize(expect(dialogue.synthesizeSpec(), line));
        if (done.repaired.length > 0) throw new Mismatch(`the prompt drops pinned values: ${done.repaired.join("; ")}`);
      }
    } catch (error) {
      if (error instanceof Mismatch) return { dialogue: line.dialogue, step: line.step, problem: error.message };
      throw error;
    }
  }
  return undefined;
}

class Mismatch extends Error {}

/** The line's target, checked against the call the engine sends now. */
function expect<T extends AnalyseAnswer | IntegrateAnswer | SynthesizeAnswer>(spec: CallSpec<T>, line: ExampleLine): T {
  if (spec.system !== line.messages[0].content) throw new Mismatch("the engine now sends another system text");
  if (spec.user !== line.messages[1].content) throw new Mismatch("the engine now sends another user text");
  const checked = checkAnswer(spec, line.messages[2].content, { strict: true });
  if (!checked.ok) throw new Mismatch(checked.reason);
  return checked.value;
}

/** Groups a file's lines by dialogue, in file order. */
export function dialoguesOf(lines: readonly ExampleLine[]): ExampleLine[][] {
  const groups = new Map<string, ExampleLine[]>();
  for (const line of lines) groups.set(line.dialogue, [...(groups.get(line.dialogue) ?? []), line]);
  return [...groups.values()];
}
