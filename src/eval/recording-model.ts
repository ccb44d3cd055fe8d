/**
 * Wraps the model port to record what each call of one conversation cost: time, tokens, and
 * whether the answer was usable. The eval reads the synthesize answer before the alignment repair
 * from here.
 */
import type { ModelPort, ModelRequest, ModelUsage } from "../core/ports.js";
import type { CallRecord } from "./report-types.js";

export interface RecordingModel extends ModelPort {
  readonly calls: CallRecord[];
  /** The `prompt` field of the last synthesize answer, as the model wrote it. */
  lastSynthesizedPrompt(): string | undefined;
}

export function recordingModel(inner: ModelPort, now: () => number = () => performance.now()): RecordingModel {
  const calls: CallRecord[] = [];
  let lastPrompt: string | undefined;
  return {
    calls,
    lastSynthesizedPrompt: () => lastPrompt,
    async generateJson(request: ModelRequest): Promise<string> {
      const started = now();
      let usage: ModelUsage | undefined;
      const record = (ok: boolean) =>
        calls.push({
          call: request.call,
          ms: Math.round(now() - started),
          promptTokens: usage?.promptTokens ?? null,
          reusedTokens: usage?.reusedTokens ?? null,
          generatedTokens: usage?.generatedTokens ?? null,
          ok,
        });
      try {
        const text = await inner.generateJson({
          ...request,
          onUsage: (u) => {
            usage = u;
            request.onUsage?.(u);
          },
        });
        const prompt = request.call === "synthesize" ? promptField(text) : undefined;
        if (prompt !== undefined) lastPrompt = prompt;
        record(request.call !== "synthesize" || prompt !== undefined ? isJson(text) : false);
        return text;
      } catch (error) {
        record(false);
        throw error;
      }
    },
    ...(inner.fits
      ? { fits: (request: Parameters<NonNullable<ModelPort["fits"]>>[0]) => inner.fits?.(request) ?? true }
      : {}),
    describe: () => inner.describe(),
    close: () => inner.close(),
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function promptField(text: string): string | undefined {
  try {
    const value = (JSON.parse(text) as { prompt?: unknown }).prompt;
    return typeof value === "string" ? value.trim() : undefined;
  } catch {
    return undefined;
  }
}
