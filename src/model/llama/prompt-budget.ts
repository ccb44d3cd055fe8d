/**
 * A call's prompt and its whole answer must fit in one sequence. node-llama-cpp would otherwise
 * shift the context silently: with only a system and a user turn it drops the user turn and the
 * model answers the instructions alone (seen on the fixture model), so a too-long call fails instead.
 */

import type { ChatWrapper, LlamaModel } from "node-llama-cpp";
import { TailorError } from "../../core/errors.js";
import { EN } from "../../core/messages/catalog.js";
import type { ModelRequest } from "../../core/ports.js";

export function promptTokens(
  model: LlamaModel,
  chatWrapper: ChatWrapper,
  request: Pick<ModelRequest, "system" | "user">,
): number {
  const { contextText } = chatWrapper.generateContextState({
    chatHistory: [
      { type: "system", text: request.system },
      { type: "user", text: request.user },
      { type: "model", response: [] },
    ],
  });
  return contextText.tokenize(model.tokenizer).length;
}

/** Returns the prompt's token count when it fits. */
export function checkPromptFits(
  model: LlamaModel,
  chatWrapper: ChatWrapper,
  request: ModelRequest,
  contextSize: number,
): number {
  const tokens = promptTokens(model, chatWrapper, request);
  if (tokens + request.maxTokens <= contextSize) return tokens;
  throw new TailorError(
    "model.failed",
    `the ${request.call} prompt is ${tokens} tokens and its answer may take ${request.maxTokens}, but a sequence holds ${contextSize} (TAILOR_CONTEXT_SIZE)`,
    {
      retryable: false,
      userMessage: EN.tooLongForModel,
    },
  );
}
