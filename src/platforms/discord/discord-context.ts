/** What every Discord handler needs: the engine, the bot's identity and the operator's settings. */
import type { Client } from "discord.js";
import type { TurnContext } from "./run-turn.js";

export interface DiscordContext extends TurnContext {
  client: Client<true>;
  /** Plain thread messages count without a mention (the privileged message-content intent is on). */
  messageContent: boolean;
  /** Longer intents get the engine's "too long" notice privately instead of a thread. */
  maxIntentChars: number;
}

/** An intent worth a thread: not empty and within the limit (otherwise the engine explains, privately). */
export const opensConversation = (text: string, maxIntentChars: number): boolean =>
  text.trim() !== "" && text.length <= maxIntentChars;
