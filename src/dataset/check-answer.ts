/**
 * Turns an answer (the teacher's, or one built from the library) into a training target the engine
 * would accept: it must fit the call's JSON schema (the grammar's bounds) and pass the call's own
 * zod validator; the target is the validated value laid out as the schema says, so the model learns
 * what the engine keeps, not what it throws away.
 */
import { isDeepStrictEqual } from "node:util";
import type { CallSpec } from "../core/model-calls/call-model.js";
import { type AnalyseAnswer, type IntegrateAnswer, type SynthesizeAnswer, schemaShaped } from "./engine-calls.js";
import { schemaProblem } from "./schema-check.js";

export type Checked<T> = { ok: true; value: T; target: string } | { ok: false; reason: string };

type Shaper<T> = (value: T) => unknown;

function shaperFor(call: string): Shaper<never> {
  if (call === "analyse") return schemaShaped.analyse as Shaper<never>;
  if (call === "integrate") return schemaShaped.integrate as Shaper<never>;
  return schemaShaped.synthesize as Shaper<never>;
}

/**
 * `strict`: the answer must come through validation unchanged (library mode builds its answers,
 * so any change is a bug there); otherwise the validated, re-shaped value is the target.
 */
export function checkAnswer<T extends AnalyseAnswer | IntegrateAnswer | SynthesizeAnswer>(
  spec: CallSpec<T>,
  raw: unknown,
  options: { strict?: boolean } = {},
): Checked<T> {
  if (typeof raw === "string") {
    try {
      raw = JSON.parse(raw);
    } catch {
      return { ok: false, reason: "not valid JSON" };
    }
  }
  const problem = schemaProblem(raw, spec.schema);
  if (problem) return { ok: false, reason: `schema: ${genericPath(problem)}` };
  const parsed = spec.validator.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: `validator: ${parsed.error.issues[0]?.message ?? "invalid"}` };
  const shaped = (shaperFor(spec.call) as Shaper<T>)(parsed.data);
  if (options.strict && !isDeepStrictEqual(shaped, raw)) return { ok: false, reason: "validator changed the answer" };
  // The re-shaped target must itself be stable: validating it again gives the same value.
  const again = spec.validator.safeParse(shaped);
  if (!again.success || !isDeepStrictEqual((shaperFor(spec.call) as Shaper<T>)(again.data), shaped)) {
    return { ok: false, reason: "validator is not stable on the answer" };
  }
  if (schemaProblem(shaped, spec.schema)) return { ok: false, reason: "schema: re-shaped answer out of bounds" };
  return { ok: true, value: parsed.data, target: JSON.stringify(shaped) };
}

/** `$.questions[2].options` → `questions[].options`: reasons are counted, so indices go. */
const genericPath = (problem: string) => problem.replace(/\[\d+\]/g, "[]").replace(/^\$\.?/, "");
