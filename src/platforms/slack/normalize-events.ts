/**
 * Slack payloads → the engine's plain events. Pure: no SDK objects travel inward.
 * A mention arrives twice (`message` and `app_mention`) and retries arrive again: both normalize to the
 * same event id (`slack:<channel>:<ts>`), so the engine's once-only claim acts on one of them.
 */
import type { ConversationKey } from "../../core/conversation.js";
import type { ClaimRequest, InboundEvent } from "../../core/engine-api.js";
import { optionOfValue } from "./render-questions.js";
import {
  ANSWER_ACTION_PREFIX,
  questionIdOfBlock,
  RETRY_ACTION_ID,
  SKIP_ACTION_ID,
  STOP_ACTION_ID,
  SUBMIT_ACTION_ID,
} from "./slack-ids.js";

/** The fields of a `message` or `app_mention` event the adapter reads. */
export interface SlackMessageEvent {
  type: string;
  subtype?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
}

/** Subtypes that are still a person's own words; edits, joins, deletions and bot posts are not. */
const USER_SUBTYPES: ReadonlySet<string> = new Set(["thread_broadcast", "file_share"]);

export const slackEventId = (channel: string, ts: string): string => `slack:${channel}:${ts}`;

const keyOf = (workspace: string, channel: string, thread: string): ConversationKey => ({
  platform: "slack",
  workspace,
  channel,
  thread,
});

export interface MessageContext {
  teamId: string;
  /** The bot's own user id (from auth.test): its posts are ignored and its mention is stripped. */
  botUserId: string | undefined;
}

/** A non-empty string: what every id and key part must be (fuzzed payloads carry anything). */
const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0;

export function normalizeMessage(event: SlackMessageEvent, context: MessageContext): InboundEvent | undefined {
  // Malformed or unexpected payloads are dropped, never thrown on.
  if (typeof event !== "object" || event === null) return undefined;
  if (!isText(event.channel) || !isText(event.ts) || !isText(context.teamId)) return undefined;
  if (event.thread_ts !== undefined && !isText(event.thread_ts)) return undefined;
  if (event.bot_id || !isText(event.user) || event.user === context.botUserId) return undefined;
  if (event.subtype !== undefined && !USER_SUBTYPES.has(event.subtype)) return undefined;
  const raw = typeof event.text === "string" ? event.text : "";
  const mentioned =
    event.type === "app_mention" || (context.botUserId !== undefined && mentions(raw, context.botUserId));
  const text = (context.botUserId ? stripMention(raw, context.botUserId) : raw).trim();
  const inThread = event.thread_ts !== undefined && event.thread_ts !== event.ts;
  const direct = isDirectMessage(event);
  const base = {
    eventId: slackEventId(event.channel, event.ts),
    key: keyOf(context.teamId, event.channel, event.thread_ts ?? event.ts),
    user: { id: event.user },
    direct,
  };
  // A DM always answers in the thread of the message: a new DM starts, a DM thread reply continues.
  if (direct) return text ? { ...base, kind: "message", text, mayStart: true } : undefined;
  if (mentioned) {
    if (inThread) return text ? { ...base, kind: "message", text, mayStart: true } : undefined;
    return { ...base, kind: "start", text };
  }
  if (inThread && text) return { ...base, kind: "message", text, mayStart: false };
  return undefined;
}

/** `message.im` events say `channel_type: "im"`; `app_mention` has no channel type, but DM ids start with D. */
const isDirectMessage = (event: SlackMessageEvent): boolean =>
  event.channel_type === "im" || (event.channel_type === undefined && isDirectChannelId(event.channel));

/** Slack's direct-message channel ids start with D (commands and actions carry no channel type). */
const isDirectChannelId = (channel: string): boolean => channel.startsWith("D");

const mentionPattern = (botUserId: string): RegExp => new RegExp(`<@${escapeRegExp(botUserId)}(\\|[^>]*)?>`, "g");
const mentions = (text: string, botUserId: string): boolean => mentionPattern(botUserId).test(text);
const stripMention = (text: string, botUserId: string): string => text.replace(mentionPattern(botUserId), " ");
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The fields of a slash command payload the adapter reads. */
export interface SlackCommandPayload {
  text: string;
  user_id: string;
  user_name?: string;
  team_id: string;
  channel_id: string;
  channel_name?: string;
  trigger_id: string;
}

/** `/tailor defaults …`: the text after the word `defaults`, or undefined for any other command. */
export function defaultsCommandText(text: string): string | undefined {
  const match = /^defaults(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return match ? (match[1] ?? "").trim() : undefined;
}

export const commandEventId = (command: SlackCommandPayload): string => `slack:command:${command.trigger_id}`;

const commandIsDirect = (command: SlackCommandPayload): boolean =>
  command.channel_name === "directmessage" || isDirectChannelId(command.channel_id);

export const commandUser = (command: SlackCommandPayload) => ({
  id: command.user_id,
  ...(command.user_name ? { name: command.user_name } : {}),
});

/** What the engine claims before the root message is posted (the thread does not exist yet). */
export function commandClaim(command: SlackCommandPayload): ClaimRequest {
  return {
    eventId: commandEventId(command),
    place: { platform: "slack", workspace: command.team_id, channel: command.channel_id },
    user: commandUser(command),
    direct: commandIsDirect(command),
    starts: true,
  };
}

/** `/tailor <intent>`: the conversation lives in the thread of the root message the bot posted (`rootTs`). */
export function normalizeCommand(command: SlackCommandPayload, rootTs: string): InboundEvent {
  return {
    eventId: commandEventId(command),
    key: keyOf(command.team_id, command.channel_id, rootTs),
    user: commandUser(command),
    direct: commandIsDirect(command),
    kind: "start",
    text: command.text.trim(),
  };
}

/** The fields of a `block_actions` payload the adapter reads. */
export interface SlackBlockActionBody {
  user: { id: string; name?: string; username?: string; team_id?: string };
  team?: { id: string } | null;
  channel?: { id: string };
  container?: { message_ts?: string; channel_id?: string; thread_ts?: string };
  message?: { ts: string; thread_ts?: string; blocks?: unknown[] };
  /** What the message's input blocks hold (the one-form answer's selects): block id → action id → value. */
  state?: { values?: Record<string, Record<string, SlackInputState>> };
  trigger_id?: string;
}

/** An input element's state in `state.values`. */
export interface SlackInputState {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string } | null;
}

export interface SlackButtonAction {
  action_id: string;
  block_id: string;
  value?: string;
  action_ts: string;
  /** A select's choice. */
  selected_option?: { value?: string; text?: { text?: string } } | null;
}

export interface NormalizedAction {
  event: InboundEvent;
  /** The message holding the clicked control, to update in place. */
  channel: string;
  messageTs: string;
}

/** What every inbound event carries besides its kind. */
export type EventEnvelope = Pick<InboundEvent, "eventId" | "key" | "user" | "direct">;

/** The envelope (id, key, user) of an event from a control on a message in a conversation's thread. */
export function actionEnvelope(
  body: SlackBlockActionBody,
  action: SlackButtonAction,
): { base: EventEnvelope; channel: string; messageTs: string } | undefined {
  if (typeof action !== "object" || action === null || !isText(action.action_id)) return undefined;
  if (typeof body.user !== "object" || body.user === null || !isText(body.user.id)) return undefined;
  const channel = body.channel?.id ?? body.container?.channel_id;
  const messageTs = body.message?.ts ?? body.container?.message_ts;
  const workspace = body.team?.id ?? body.user.team_id;
  if (!isText(channel) || !isText(messageTs) || !isText(workspace)) return undefined;
  // Controls are posted inside the conversation's thread; the thread ts is the conversation's key.
  const thread = body.message?.thread_ts ?? body.container?.thread_ts ?? messageTs;
  if (!isText(thread) || !isText(action.action_ts)) return undefined;
  const name = body.user.name ?? body.user.username;
  const base = {
    eventId: `slack:action:${channel}:${messageTs}:${action.action_ts}`,
    key: keyOf(workspace, channel, thread),
    user: { id: body.user.id, ...(name ? { name } : {}) },
    direct: isDirectChannelId(channel),
  };
  return { base, channel, messageTs };
}

export function normalizeAction(body: SlackBlockActionBody, action: SlackButtonAction): NormalizedAction | undefined {
  const envelope = actionEnvelope(body, action);
  if (!envelope) return undefined;
  const { base, channel, messageTs } = envelope;
  const wrap = (event: InboundEvent): NormalizedAction => ({ event, channel, messageTs });
  if (action.action_id === SKIP_ACTION_ID) return wrap({ ...base, kind: "skip" });
  if (action.action_id === RETRY_ACTION_ID) return wrap({ ...base, kind: "retry" });
  if (action.action_id === STOP_ACTION_ID) return wrap({ ...base, kind: "stop" });
  // Submit is in the answer namespace but reads the whole form (see normalize-controls.ts).
  if (action.action_id === SUBMIT_ACTION_ID) return undefined;
  if (action.action_id.startsWith(ANSWER_ACTION_PREFIX)) {
    const questionId = isText(action.block_id) ? questionIdOfBlock(action.block_id) : undefined;
    const option = typeof action.value === "string" ? optionOfValue(action.value) : undefined;
    if (!questionId || option === undefined) return undefined;
    return wrap({ ...base, kind: "answer", questionId, option });
  }
  return undefined;
}
