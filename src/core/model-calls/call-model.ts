/**
 * One structured model call: JSON parse + zod validation, one retry of an invalid answer.
 */

import type { z } from "zod";
import { isTailorError, TailorError } from "../errors.js";
import { EN } from "../messages/catalog.js";
import type { JsonSchema, ModelCallName, ModelPort } from "../ports.js";

export interface CallSpec<T> {
  call: ModelCallName;
  system: string;
  user: string;
  schema: JsonSchema;
  validator: z.ZodType<T>;
  maxTokens: number;
  /** A shorter version of the same call (fewer exemplars, a compact catalog) for small contexts. */
  compact?: CallSpec<T>;
}

/** The full call when it fits the model's context, otherwise its compact version. */
export function fitToContext<T>(spec: CallSpec<T>, model: ModelPort): CallSpec<T> {
  if (!spec.compact || !model.fits || model.fits(spec)) return spec;
  return spec.compact;
}

export interface CallContext {
  model: ModelPort;
  fairnessKey: string;
  signal?: AbortSignal;
  onQueuePosition?: (position: number) => void;
  /** Streaming: each piece of generated text, with the attempt it belongs to (a retried attempt is a new text). */
  onText?: (attempt: number, delta: string) => void;
}

export interface CallResult<T> {
  value: T;
  /** Invalid answers retried (not part of the call budget). */
  retries: number;
}

const MAX_ATTEMPTS = 2;

export async function callModel<T>(full: CallSpec<T>, context: CallContext): Promise<CallResult<T>> {
  const spec = fitToContext(full, context.model);
  let lastProblem = "";
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    let text: string;
    try {
      text = await context.model.generateJson({
        call: spec.call,
        system: spec.system,
        // The second attempt says what was wrong: the same input under a fixed seed would give the same answer.
        user: attempt === 0 ? spec.user : `${spec.user}\n\n${retryNote(lastProblem)}`,
        schema: spec.schema,
        maxTokens: spec.maxTokens,
        fairnessKey: context.fairnessKey,
        signal: context.signal,
        onQueuePosition: context.onQueuePosition,
        ...(context.onText ? { onText: (delta: string) => context.onText?.(attempt, delta) } : {}),
      });
    } catch (error) {
      if (isTailorError(error)) throw error;
      throw new TailorError("model.failed", `${spec.call} call failed`, { cause: error });
    }
    const parsed = parseJson(text);
    const result = parsed.ok ? spec.validator.safeParse(parsed.value) : undefined;
    if (result?.success) return { value: result.data, retries: attempt };
    lastProblem = parsed.ok ? describeIssue(result?.error.issues[0]) : "it was not valid JSON";
  }
  throw new TailorError("model.invalid_output", `${spec.call} answer invalid twice: ${lastProblem}`, {
    userMessage: EN.modelInvalid,
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const retryNote = (problem: string) =>
  `Your previous answer could not be used: ${problem}. Answer again with JSON that matches the schema.`;

function describeIssue(issue: { message: string; path: PropertyKey[] } | undefined): string {
  if (!issue) return "it did not match the schema";
  const where = issue.path.map(String).join(".");
  return where ? `${where}: ${issue.message}` : issue.message;
}
