/**
 * The one error type of PromptTailor: a stable code, a user-safe message and the cause.
 * Internal errors never reach a chat verbatim; adapters show `userMessage` only.
 */
export type TailorErrorCode =
  | "config.invalid"
  | "store.unavailable"
  | "store.timeout"
  | "store.corrupt"
  | "store.lock_timeout"
  | "model.unavailable"
  | "model.invalid_output"
  | "model.timeout"
  | "model.aborted"
  | "model.failed"
  | "input.invalid"
  | "input.too_long"
  | "internal";

export class TailorError extends Error {
  readonly code: TailorErrorCode;
  readonly userMessage: string;
  readonly retryable: boolean;

  constructor(
    code: TailorErrorCode,
    message: string,
    options: { cause?: unknown; userMessage?: string; retryable?: boolean } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "TailorError";
    this.code = code;
    this.userMessage = options.userMessage ?? defaultUserMessage(code);
    this.retryable = options.retryable ?? code !== "config.invalid";
  }
}

export const isTailorError = (error: unknown): error is TailorError => error instanceof TailorError;

function defaultUserMessage(code: TailorErrorCode): string {
  if (code.startsWith("store."))
    return "I could not reach my conversation store. Nothing you said is lost: try again in a moment.";
  if (code.startsWith("model."))
    return "The model could not finish this step. Nothing you said is lost: retry when you are ready.";
  if (code.startsWith("input.")) return "I could not use that input.";
  return "Something went wrong on my side. Nothing you said is lost: try again.";
}
