/**
 * "PromptTailor is typing…" while the model works: Discord shows it for about 10 seconds, so it is
 * refreshed until the answer is sent.
 * @see https://discord.com/developers/docs/resources/channel#trigger-typing-indicator
 */
import type { Logger } from "../../core/ports.js";
import { TYPING_REFRESH_MS } from "./discord-limits.js";

export interface TypingIndicator {
  stop(): void;
}

export function startTyping(
  channel: { sendTyping(): Promise<void> },
  logger: Logger,
  refreshMs: number = TYPING_REFRESH_MS,
): TypingIndicator {
  const type = () => {
    // Typing is a courtesy: a failure is not worth more than a debug line.
    channel.sendTyping().catch((error: unknown) => logger.debug("typing indicator failed", { error }));
  };
  type();
  const timer = setInterval(type, refreshMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
