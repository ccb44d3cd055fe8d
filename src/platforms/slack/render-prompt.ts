/**
 * A prompt version: a heading with its number, block `tailor_prompt` holding the prompt in a code block
 * (or a line saying it is attached as a file), from v2 on what changed (collapsed behind a button), the
 * checklist (pinned and assumed values each with a one-click select; open ones), the assumptions, and
 * what the alignment check added back.
 * Prompts for code and SQL contain ``` themselves; such a prompt, or one too long for a section, goes
 * out as a file snippet so it copies exactly.
 */
import type { EngineReply } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { splitText } from "../split-text.js";
import { escapeMrkdwn, safeMrkdwn } from "./mrkdwn.js";
import { renderChecklist } from "./render-checklist.js";
import { renderChangesLine } from "./render-diff.js";
import { PROMPT_BLOCK_ID } from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { type Block, context, message, type SlackMessage, section } from "./slack-message.js";

type PromptReply = Extract<EngineReply, { kind: "prompt" }>;

const FENCE = "```";
/** Looks like a fence, is not one (U+02CB MODIFIER LETTER GRAVE ACCENT): used only when a file cannot be sent. */
const FENCE_LOOKALIKE = "ˋˋˋ";

/** The code block for a prompt, or undefined when it must go out as a file. */
export function promptCodeBlock(prompt: string): string | undefined {
  if (prompt.includes(FENCE)) return undefined;
  const block = `${FENCE}\n${escapeMrkdwn(prompt)}\n${FENCE}`;
  return block.length <= SLACK_LIMITS.sectionText ? block : undefined;
}

export const promptFilename = (version: number): string => `prompt-v${version}.md`;

export function renderPrompt(reply: PromptReply): SlackMessage {
  const code = promptCodeBlock(reply.text);
  const filename = promptFilename(reply.version);
  // The bot's own words in the conversation's language (the engine says which).
  const labels = controlLabels(reply.language);
  const promptBlock = code
    ? section(code, PROMPT_BLOCK_ID)
    : section(escapeMrkdwn(fill(labels.attached, { length: reply.text.length, file: filename })), PROMPT_BLOCK_ID);
  const title = fill(labels.promptTitle, { version: reply.version });
  const blocks: Block[] = [section(`*${escapeMrkdwn(title)}*`), promptBlock, ...detailBlocks(reply, labels)];
  blocks.push(context(escapeMrkdwn(labels.refineHint)));
  const attachment = code ? undefined : { filename, title, content: reply.text };
  return message(title, blocks, attachment ? { attachment } : {});
}

/**
 * The prompt as code blocks over several messages, fences replaced by a look-alike: the fallback when
 * the file upload fails. Split on lines, so each part fits a section.
 */
export function renderPromptParts(prompt: string, title: string): SlackMessage[] {
  const parts = splitEscaped(
    prompt.replaceAll(FENCE, FENCE_LOOKALIKE),
    SLACK_LIMITS.sectionText - 2 * FENCE.length - 2,
  );
  return parts.map((part, i) =>
    message(`${title} (${i + 1}/${parts.length})`, [section(`${FENCE}\n${part}\n${FENCE}`)]),
  );
}

/** Escaped parts whose escaped length fits `budget`: the shared splitter, measuring what Slack counts. */
const splitEscaped = (raw: string, budget: number): string[] =>
  splitText(raw, budget, (text) => escapeMrkdwn(text).length).map(escapeMrkdwn);

function detailBlocks(reply: PromptReply, labels: ControlLabels): Block[] {
  const blocks: Block[] = [];
  if (reply.changes && reply.version > 1)
    blocks.push(renderChangesLine(reply.version, reply.changes, reply.request, labels));
  blocks.push(...renderChecklist(reply.checklist, labels));
  if (reply.assumptions.length > 0) {
    const lines = reply.assumptions.map((assumption) => `• ${escapeMrkdwn(assumption)}`).join("\n");
    const heading = `*${escapeMrkdwn(labels.assumptions)}* (${escapeMrkdwn(labels.assumptionsThreadHint)})`;
    blocks.push(section(`${heading}\n${lines}`));
  }
  if (reply.repaired.length > 0) {
    const values = reply.repaired.map((value) => `“${safeMrkdwn(value, 200)}”`).join(", ");
    // The values are escaped already; the label's own text is the catalog's.
    blocks.push(context(fill(escapeMrkdwn(labels.repaired), { values })));
  }
  return blocks;
}
