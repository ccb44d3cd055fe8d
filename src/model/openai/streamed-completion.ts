/**
 * A chat completion read as it streams (`stream: true`): `data: {"choices":[{"delta":{"content":…}}]}`
 * events until `data: [DONE]`; each piece of content goes to `onText` as it arrives. The usage comes
 * in a last chunk without choices when `stream_options.include_usage` was asked for.
 * @see https://platform.openai.com/docs/api-reference/chat-streaming
 */
import { TailorError } from "../../core/errors.js";
import type { ModelUsage } from "../../core/ports.js";
import { type CompletionResult, completionUsage } from "./chat-request.js";
import { bodySnippet } from "./rejection-hint.js";
import { sseData } from "./sse-data.js";

const DONE = "[DONE]";

export async function readStreamedCompletion(
  body: ReadableStream<Uint8Array>,
  onText: (delta: string) => void,
): Promise<CompletionResult> {
  let text = "";
  let finishReason: string | undefined;
  let usage: ModelUsage | undefined;
  for await (const data of sseData(body)) {
    if (data.trim() === DONE) return { text, finishReason, usage };
    const chunk = parseChunk(data);
    const choice = chunk.choices?.[0];
    const content = choice?.delta?.content;
    if (typeof content === "string" && content !== "") {
      text += content;
      onText(content);
    }
    if (typeof choice?.finish_reason === "string") finishReason = choice.finish_reason;
    usage = completionUsage(chunk) ?? usage;
  }
  // Some servers close right after the last chunk; without a finish reason the answer was cut off.
  if (finishReason !== undefined) return { text, finishReason, usage };
  throw new TailorError("model.failed", "the OpenAI-compatible server ended the stream before the answer finished");
}

interface Chunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
  error?: unknown;
}

function parseChunk(data: string): Chunk {
  let chunk: unknown;
  try {
    chunk = JSON.parse(data);
  } catch (error) {
    throw new TailorError("model.failed", "the OpenAI-compatible server streamed a chunk that is not JSON", {
      cause: error,
    });
  }
  if (typeof chunk !== "object" || chunk === null) {
    throw new TailorError("model.failed", "the OpenAI-compatible server streamed a chunk that is not an object");
  }
  // vLLM, llama.cpp's server and proxies report a failure after the headers as an error event.
  const failure = (chunk as Chunk).error;
  if (failure !== undefined) {
    throw new TailorError(
      "model.failed",
      `the OpenAI-compatible server failed while streaming: ${bodySnippet(JSON.stringify(failure))}`,
    );
  }
  const choices = (chunk as Chunk).choices;
  return Array.isArray(choices) ? (chunk as Chunk) : { ...(chunk as Chunk), choices: [] };
}
