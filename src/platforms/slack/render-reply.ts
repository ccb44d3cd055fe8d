/**
 * Every engine reply and adapter notice as a Slack message. All model and user text is escaped here
 * or in the renderers this calls; no message exceeds the limits in `slack-limits.ts`.
 */
import type { EngineReply, Progress } from "../../core/engine-api.js";
import { fill, type MessageLanguage } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { messageLanguage } from "../../core/messages/localize-replies.js";
import { escapeMrkdwn, quoteMrkdwn, safeMrkdwn } from "./mrkdwn.js";
import { renderPrompt } from "./render-prompt.js";
import { renderQuestions } from "./render-questions.js";
import { RETRY_ACTION_ID, STOP_ACTION_ID, WORKING_BLOCK_ID } from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { actions, type Block, button, context, message, type SlackMessage, section } from "./slack-message.js";

export function renderReply(reply: EngineReply): SlackMessage {
  switch (reply.kind) {
    case "questions":
      return renderQuestions(reply);
    case "prompt":
      return renderPrompt(reply);
    case "error":
      return renderError(reply.message, reply.retry, controlLabels(reply.language).retry);
    case "notice":
      return message(reply.text, [section(escapeMrkdwn(reply.text))]);
  }
}

/** A failed step: what happened (user-safe text only) and, when it can be re-run, a retry button. */
export function renderError(text: string, retry: boolean, retryLabel = controlLabels("en").retry): SlackMessage {
  const blocks = [section(`:warning: ${escapeMrkdwn(text)}`)];
  if (retry) blocks.push(actions("tailor_error", [button(RETRY_ACTION_ID, retryLabel, "retry", "primary")]));
  return message(text, blocks);
}

/** What the model is doing, in words (the working message and the assistant thread's status line). */
export function progressText(progress: Progress): string {
  const labels = controlLabels(progress.language);
  if (progress.kind !== "queued" || progress.position <= 0) return labels.working;
  return progress.position === 1 ? labels.next : fill(labels.queued, { position: progress.position });
}

/** The "working" message: what the model is doing and a Stop button (the message goes when the turn ends). */
export function renderWorking(progress: Progress): SlackMessage {
  const text = progressText(progress);
  return message(text, [context(`:hourglass_flowing_sand: ${text}`), stopControls(progress.language)]);
}

/** The Stop button of a turn in progress (the engine lets only the owner stop it). */
export const stopControls = (language?: MessageLanguage): Block =>
  actions(WORKING_BLOCK_ID, [button(STOP_ACTION_ID, controlLabels(language).stop, "stop", "danger")]);

/** The root message of a `/tailor` conversation: its owner (the only mention the bot makes) and the intent. */
export function renderRoot(ownerId: string, intent: string): SlackMessage {
  const owner = `<@${ownerId.replace(/[^A-Z0-9]/gi, "")}>`;
  const quoted = quoteMrkdwn(safeMrkdwn(intent, SLACK_LIMITS.sectionText - 200));
  // In the intent's language, like the conversation that follows.
  const labels = controlLabels(messageLanguage(intent));
  const asked = fill(escapeMrkdwn(labels.rootAsked), { owner });
  return {
    text: `${asked} ${safeMrkdwn(intent, SLACK_LIMITS.messageText - 100)}`,
    blocks: [section(`${asked}\n${quoted}`), context(escapeMrkdwn(labels.rootHint))],
  };
}

export const USAGE_TEXT =
  "Usage: `/tailor <what you want a prompt for>`, for example `/tailor write a cold email to an investor`. " +
  "You can also mention me in a channel or send me a direct message. " +
  "`/tailor defaults` shows this channel's defaults (`/tailor defaults set tone=friendly`, `/tailor defaults clear`).";

export const CANNOT_POST_TEXT =
  "I cannot post in this conversation. Invite me to the channel (`/invite @PromptTailor`) or send me a direct message.";
