/**
 * How conversation records travel through Keyv: plain JSON envelopes, read back without trusting them.
 * Whatever sits under a key (garbage, another program's value, an older shape) decodes to
 * "found" or "corrupt", never to an exception and never to "missing".
 */
import type { Deserialize, Serialize } from "keyv";
import { type Conversation, conversationSchema } from "../core/conversation.js";

/** A stored value that was not even a Keyv JSON envelope; kept verbatim so it can be moved aside. */
export class UnreadableValue {
  constructor(
    readonly raw: string,
    readonly reason: string,
  ) {}
}

export const serializeEnvelope: Serialize = (data) => JSON.stringify(data);

export const deserializeEnvelope: Deserialize = <Value>(raw: string) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { value: new UnreadableValue(raw, "not JSON") as Value };
  }
  if (parsed !== null && typeof parsed === "object" && "value" in parsed) {
    const envelope = parsed as { value: Value; expires?: unknown };
    return { value: envelope.value, expires: typeof envelope.expires === "number" ? envelope.expires : undefined };
  }
  return { value: new UnreadableValue(raw, "not a store envelope") as Value };
};

export type DecodedRecord =
  | { status: "found"; conversation: Conversation }
  | { status: "corrupt"; reason: string; stored: unknown };

export function decodeConversation(value: unknown): DecodedRecord {
  if (value instanceof UnreadableValue) return { status: "corrupt", reason: value.reason, stored: value.raw };
  const result = conversationSchema.safeParse(value);
  if (result.success) return { status: "found", conversation: result.data };
  const issues = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "(record)"}: ${issue.message}`)
    .join("; ");
  return { status: "corrupt", reason: `invalid record (${issues})`, stored: value };
}
