/**
 * The body of one OpenAI-compatible chat completion and the text read back from its answer.
 * Structured outputs (`response_format: json_schema`, strict) keep the server to the call's schema.
 */
import { TailorError } from "../../core/errors.js";
import type { ModelRequest, ModelUsage } from "../../core/ports.js";

/** Low but not zero: the calls want faithful structure, with a little room for wording. */
export const TEMPERATURE = 0.2;

/**
 * `stream`: the answer comes as server-sent events, with the usage in a last chunk (servers that do
 * not know `stream_options` ignore it or refuse the request, which then goes again without streaming).
 */
export function chatCompletionBody(request: ModelRequest, model: string, stream = false): Record<string, unknown> {
  return {
    model,
    messages: [
      { role: "system", content: request.system },
      { role: "user", content: request.user },
    ],
    max_tokens: request.maxTokens,
    temperature: TEMPERATURE,
    response_format: {
      type: "json_schema",
      json_schema: { name: request.call, schema: request.schema, strict: true },
    },
    ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
}

/** The assistant's text of a chat completion; anything else is a failed call (the server broke the protocol). */
export function completionText(body: unknown): string {
  const choices = (body as { choices?: unknown } | null)?.choices;
  const first = Array.isArray(choices) ? (choices[0] as { message?: { content?: unknown } } | undefined) : undefined;
  const content = first?.message?.content;
  if (typeof content !== "string") {
    throw new TailorError("model.failed", "the OpenAI-compatible server answered without choices[0].message.content");
  }
  return content;
}

/** Why the server stopped (`stop`, `length` when it ran into max_tokens...), when it says. */
export function finishReason(body: unknown): string | undefined {
  const choices = (body as { choices?: unknown } | null)?.choices;
  const first = Array.isArray(choices) ? (choices[0] as { finish_reason?: unknown } | undefined) : undefined;
  return typeof first?.finish_reason === "string" ? first.finish_reason : undefined;
}

/** First model id of a `GET /models` answer (`{ data: [{ id }] }`). */
export function firstModelId(body: unknown): string | undefined {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return undefined;
  const id = (data[0] as { id?: unknown } | undefined)?.id;
  return typeof id === "string" && id.length > 0 ? id : undefined;
}

/** The `usage` of a chat completion (cached prompt tokens where the server reports them), when given. */
export function completionUsage(body: unknown): ModelUsage | undefined {
  const usage = (body as { usage?: Record<string, unknown> } | null)?.usage;
  if (!usage || typeof usage.prompt_tokens !== "number") return undefined;
  const details = usage.prompt_tokens_details as { cached_tokens?: unknown } | undefined;
  return {
    promptTokens: usage.prompt_tokens,
    reusedTokens: typeof details?.cached_tokens === "number" ? details.cached_tokens : 0,
    generatedTokens: typeof usage.completion_tokens === "number" ? usage.completion_tokens : 0,
  };
}

/** What a call produced, read at once or from a stream. */
export interface CompletionResult {
  text: string;
  /** `stop`, `length` (max_tokens or the server's context reached)…, when the server says. */
  finishReason?: string;
  usage?: ModelUsage;
}

/** A whole (not streamed) chat completion's result. */
export const completionResult = (body: unknown): CompletionResult => ({
  text: completionText(body),
  finishReason: finishReason(body),
  usage: completionUsage(body),
});
