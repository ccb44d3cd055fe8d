/** Turns each engine reply into Discord messages, within Discord's limits. */
import { ButtonStyle, ComponentType } from "discord.js";
import type { EngineReply } from "../../core/engine-api.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderPrompt } from "./render-prompt.js";
import { renderQuestions } from "./render-questions.js";
import { truncate } from "./text-format.js";

/** A private reply is ephemeral where the platform allows it (interaction replies), else a plain message. */
export function renderReply(reply: EngineReply): OutboundMessage[] {
  const messages = renderBody(reply);
  return reply.visibility === "private" ? messages.map((m) => ({ ...m, ephemeral: true })) : messages;
}

function renderBody(reply: EngineReply): OutboundMessage[] {
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
                        label: controlLabels(reply.language).retry,
                      },
                    ],
                  },
                ],
              }
            : {}),
        },
      ];
    case "notice":
      return [{ content: truncate(reply.text, DISCORD_LIMITS.messageContent) }];
  }
}
