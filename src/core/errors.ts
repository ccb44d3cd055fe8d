/**
 * The one error type of PromptTailor: a stable code, a user-safe message and the cause.
 * Internal errors never reach a chat verbatim; adapters show `userMessage` only.
 */
import { EN } from "./messages/catalog.js";
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
  /** The conversation's owner stopped the model call (the Stop control); the step can be retried. */
  | "model.stopped"
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
  if (code.startsWith("store.")) return EN.storeDown;
  if (code.startsWith("model.")) return EN.modelFailed;
  if (code.startsWith("input.")) return EN.badInput;
  return EN.internal;
}
