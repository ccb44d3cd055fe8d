/**
 * A prompt version as Discord messages: fenced code blocks of at most 2000 characters each, in at most
 * three messages, else one message with the prompt attached as prompt.md. The checklist (with what
 * changed from the previous version) rides along as an embed on the last message, and so does the
 * "Change a setting" menu.
 */
import type { EngineReply } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { splitText } from "../split-text.js";
import { DISCORD_LIMITS, MAX_PROMPT_MESSAGES } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { renderChecklist } from "./render-checklist.js";
import { renderSlotMenu } from "./slot-menu.js";
import { escapeFences, fenced, fenceOverhead } from "./split-prompt.js";

type PromptReply = Extract<EngineReply, { kind: "prompt" }>;

export const PROMPT_FILE_NAME = "prompt.md";
const LANGUAGE = "md";
/** Room for the longest header line ("**Prompt v12** (verfeinert) · Teil 3/3", any language) and its newline. */
const HEADER_RESERVE = 64;

export function renderPrompt(reply: PromptReply): OutboundMessage[] {
  const labels = controlLabels(reply.language);
  const slotMenu = renderSlotMenu(reply.checklist, labels);
  const checklist = renderChecklist({
    checklist: reply.checklist,
    assumptions: reply.assumptions,
    repaired: reply.repaired,
    version: reply.version,
    ...(reply.changes ? { changes: reply.changes } : {}),
    slotMenu: slotMenu !== undefined,
    labels,
  });
  const controls = slotMenu ? { components: [slotMenu] } : {};
  const exactFile = { name: PROMPT_FILE_NAME, text: reply.text };
  const title = `**Prompt v${reply.version}**${reply.version > 1 ? ` (${labels.refined})` : ""}`;
  const escaped = escapeFences(reply.text);
  const budget = DISCORD_LIMITS.messageContent - HEADER_RESERVE - fenceOverhead(LANGUAGE);
  const chunks = splitText(escaped.text, budget);

  if (chunks.length > MAX_PROMPT_MESSAGES) {
    return [
      {
        content: `${title}\n${fill(labels.promptTooLong, { length: reply.text.length, max: MAX_PROMPT_MESSAGES, file: PROMPT_FILE_NAME })}`,
        files: [exactFile],
        embeds: [checklist],
        ...controls,
      },
    ];
  }

  return chunks.map((chunk, index) => {
    const part = chunks.length > 1 ? ` · ${fill(labels.promptPart, { part: index + 1, parts: chunks.length })}` : "";
    const message: OutboundMessage = { content: `${title}${part}\n${fenced(chunk, LANGUAGE)}` };
    if (index === chunks.length - 1) {
      // Backticks inside the prompt were broken up to keep the block intact: attach the exact text too.
      message.embeds = [
        escaped.changed
          ? {
              ...checklist,
              footer: { text: fill(labels.backticks, { file: PROMPT_FILE_NAME }) },
            }
          : checklist,
      ];
      if (escaped.changed) message.files = [exactFile];
      if (slotMenu) message.components = [slotMenu];
    }
    return message;
  });
}
