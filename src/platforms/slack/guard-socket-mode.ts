/**
 * Drops malformed Socket Mode envelopes before the SDK sees them. An `events_api` envelope without
 * `payload.event` makes @slack/socket-mode read `payload.event.type` of undefined inside an async
 * handler: an unhandled rejection, which ends a Node 20 process (platform-notes.md, Slack). Any other
 * failure of the SDK's handler is caught and logged too: the process stays up.
 */
import type { Logger } from "../../core/ports.js";

type MessageListener = (data: unknown, isBinary: boolean) => unknown;

/** The SocketModeClient as an emitter: it emits `ws_message` for every WebSocket frame. */
interface Emitter {
  // biome-ignore lint/suspicious/noExplicitAny: listeners of any event emitter
  listeners(event: string): Array<(...args: any[]) => unknown>;
  removeAllListeners(event: string): unknown;
  on(event: string, listener: (data: unknown, isBinary: boolean) => void): unknown;
}

export function guardSocketModeClient(client: Emitter, logger: Logger): void {
  const original: MessageListener[] = client.listeners("ws_message");
  client.removeAllListeners("ws_message");
  client.on("ws_message", (data: unknown, isBinary: boolean) => {
    const problem = isBinary ? undefined : envelopeProblem(data);
    if (problem) {
      logger.warn("dropped a malformed Socket Mode envelope", { problem });
      return;
    }
    for (const listener of original) {
      Promise.resolve()
        .then(() => listener.call(client, data, isBinary))
        .catch((error: unknown) => logger.error("Socket Mode message handling failed (dropped)", { error }));
    }
  });
}

/** Why an envelope cannot be handled, or undefined when it looks sound (unparseable text is the SDK's to ignore). */
export function envelopeProblem(data: unknown): string | undefined {
  const text =
    typeof data === "string" ? data : data instanceof ArrayBuffer ? new TextDecoder().decode(data) : undefined;
  if (text === undefined) return undefined;
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof envelope !== "object" || envelope === null) return "not an object";
  const { type, payload } = envelope as { type?: unknown; payload?: unknown };
  if (type === "events_api") {
    const event = (payload as { event?: unknown } | null | undefined)?.event;
    if (typeof event !== "object" || event === null) return "events_api envelope without payload.event";
    if (typeof (event as { type?: unknown }).type !== "string") return "events_api event without a type";
  }
  return undefined;
}
