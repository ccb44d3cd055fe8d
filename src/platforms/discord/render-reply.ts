/** Turns each engine reply into Discord messages, within Discord's limits. */
import { ButtonStyle, ComponentType } from "discord.js";
import type { EngineReply, NoticeCode } from "../../core/engine-api.js";
import { CUSTOM_IDS } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderPrompt } from "./render-prompt.js";
import { renderQuestions } from "./render-questions.js";
import { truncate } from "./text-format.js";

/** Notices meant for the person who acted only (when the platform allows it: interaction replies). */
const PRIVATE_NOTICES: ReadonlySet<NoticeCode> = new Set(["usage", "too_long", "not_allowed", "dms_off", "help"]);

export function renderReply(reply: EngineReply): OutboundMessage[] {
  switch (reply.kind) {
    case "questions":
      return [renderQuestions(reply)];
    case "prompt":
      return renderPrompt(reply);
    case "error":
      // The engine's message is already user-safe; internals never reach the chat.
      return [
        {
          content: truncate(reply.message, DISCORD_LIMITS.messageContent),
          ...(reply.retry
            ? {
                components: [
                  {
                    type: ComponentType.ActionRow,
                    components: [
                      {
                        type: ComponentType.Button,
                        style: ButtonStyle.Primary,
                        custom_id: CUSTOM_IDS.retry,
                        label: "Retry",
                      },
                    ],
                  },
                ],
              }
            : {}),
        },
      ];
    case "notice":
      return [
        {
          content: truncate(reply.text, DISCORD_LIMITS.messageContent),
          ...(PRIVATE_NOTICES.has(reply.code) ? { ephemeral: true } : {}),
        },
      ];
  }
}

/** The message of a failed turn the engine could not answer itself (it threw). */
export const unexpectedFailure = (userMessage: string): OutboundMessage => ({
  content: truncate(userMessage, DISCORD_LIMITS.messageContent),
});
