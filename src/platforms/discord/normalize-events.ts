/**
 * Discord payloads → the engine's plain events. Pure: the handlers read a few plain facts off the
 * discord.js objects (ids, content, custom id, the source message's rows) and everything else, from
 * routing a message to reading an answer's option, happens here, testable without a client or server.
 */
import type { ConversationKey } from "../../core/conversation.js";
import type { ClaimRequest, InboundEvent, InboundUser } from "../../core/engine-api.js";
import { channelKey, DM_WORKSPACE, dmKey, interactionEventId, messageEventId, threadKey } from "./conversation-keys.js";
import { parseCustomId } from "./custom-ids.js";
import type { ActionRow } from "./message-view.js";
import { optionText, type RoundOnMessage } from "./question-message.js";
import { type ChannelKind, type MessageFacts, routeMessage } from "./route-message.js";

/** Where an event happened. */
export interface DiscordPlace {
  kind: ChannelKind;
  /** Absent in DMs. */
  guildId?: string;
  channelId: string;
  /** A thread's parent channel (needed for a thread's conversation key). */
  parentId?: string;
}

/** The conversation key of a place: a DM channel, a thread (under its parent), or a channel itself. */
export function keyOfPlace(place: DiscordPlace): ConversationKey | undefined {
  if (place.kind === "dm" || !place.guildId) return dmKey(place.channelId);
  if (place.kind === "thread")
    return place.parentId ? threadKey(place.guildId, place.parentId, place.channelId) : undefined;
  return channelKey(place.guildId, place.channelId);
}

const isDirect = (place: DiscordPlace): boolean => place.kind === "dm" || !place.guildId;

function claimOf(eventId: string, place: DiscordPlace, user: InboundUser, starts: boolean): ClaimRequest {
  return {
    eventId,
    place: {
      platform: "discord",
      workspace: place.guildId ?? DM_WORKSPACE,
      channel: place.parentId ?? place.channelId,
    },
    user,
    direct: isDirect(place),
    starts,
  };
}

// ---- messages ----------------------------------------------------------------------------------

export interface DiscordMessageFacts extends Omit<MessageFacts, "channelKind"> {
  id: string;
  place: DiscordPlace;
  user: InboundUser;
}

/**
 * What a message asks for. `start-in-thread`: claim, open a thread on the message, then `event(key)`
 * with the thread's key; the others carry their event (`start-here` answers in the channel itself).
 */
export type NormalizedMessage =
  | { action: "ignore"; reason: string }
  | {
      action: "start-in-thread";
      claim: ClaimRequest;
      text: string;
      /** The event once the thread is open (its key). */
      inThread: (key: ConversationKey) => InboundEvent;
      /** The event when no thread could be opened: the conversation stays in the channel. */
      event: InboundEvent;
    }
  | { action: "start-here" | "message"; claim: ClaimRequest; event: InboundEvent };

export function normalizeMessage(
  facts: DiscordMessageFacts,
  bot: { id: string; messageContent: boolean },
): NormalizedMessage {
  const route = routeMessage({ ...facts, channelKind: facts.place.kind }, bot);
  if (route.action === "ignore") return route;
  const eventId = messageEventId(facts.id);
  const base = { eventId, user: facts.user, direct: isDirect(facts.place) };
  if (route.action === "message") {
    const key = keyOfPlace(facts.place);
    if (!key) return { action: "ignore", reason: "thread without a parent" };
    return {
      action: "message",
      claim: claimOf(eventId, facts.place, facts.user, route.mayStart),
      event: { ...base, key, kind: "message", text: route.text, mayStart: route.mayStart },
    };
  }
  if (!facts.place.guildId) return { action: "ignore", reason: "not in a guild" };
  const claim = claimOf(eventId, facts.place, facts.user, true);
  const here = channelKey(facts.place.guildId, facts.place.channelId);
  const event: InboundEvent = { ...base, key: here, kind: "start", text: route.text };
  if (route.action === "start-in-thread")
    return { action: "start-in-thread", claim, text: route.text, inThread: (key) => ({ ...event, key }), event };
  return { action: "start-here", claim, event };
}

/** A guild conversation moved into a thread opened on its message (or on the command's reply). */
export const keyOfOpenedThread = (place: DiscordPlace, threadId: string): ConversationKey | undefined =>
  place.guildId ? threadKey(place.guildId, place.channelId, threadId) : undefined;

// ---- interactions ------------------------------------------------------------------------------

export interface InteractionFacts {
  interactionId: string;
  place: DiscordPlace;
  user: InboundUser;
}

/** `/tailor intent:…` where it stays (a DM, a thread, or a channel where no thread is opened). */
export function normalizeCommand(facts: InteractionFacts & { intent: string }): {
  claim: ClaimRequest;
  event: (key?: ConversationKey) => InboundEvent | undefined;
} {
  const eventId = interactionEventId(facts.interactionId);
  return {
    claim: claimOf(eventId, facts.place, facts.user, true),
    event: (key = keyOfPlace(facts.place)) =>
      key && {
        eventId,
        key,
        user: facts.user,
        direct: isDirect(facts.place),
        kind: "start",
        text: facts.intent.trim(),
      },
  };
}

export interface ComponentFacts extends InteractionFacts {
  customId: string;
  component: "button" | "select";
  /** The values a select sent. */
  values?: readonly string[];
  /** The rows of the message the component is on (options are read from them). */
  rows: readonly ActionRow[];
}

export type NormalizedComponent =
  | { action: "ignore"; reason: string }
  /** "Answer in my own words": the modal is the acknowledgement; no engine event. */
  | { action: "open-modal" }
  | { action: "turn"; claim: ClaimRequest; event: InboundEvent };

export function normalizeComponent(facts: ComponentFacts): NormalizedComponent {
  const parsed = parseCustomId(facts.customId, facts.component);
  if (!parsed || parsed.kind === "modal") return { action: "ignore", reason: "not one of our controls" };
  if (parsed.kind === "other") return { action: "open-modal" };
  const key = keyOfPlace(facts.place);
  if (!key) return { action: "ignore", reason: "thread without a parent" };
  const eventId = interactionEventId(facts.interactionId);
  const base = { eventId, key, user: facts.user, direct: isDirect(facts.place) };
  const claim = claimOf(eventId, facts.place, facts.user, false);
  if (parsed.kind === "skip" || parsed.kind === "retry")
    return { action: "turn", claim, event: { ...base, kind: parsed.kind } };
  const raw = facts.component === "select" ? facts.values?.[0] : parsed.optionIndex;
  const index = raw === undefined ? Number.NaN : Number(raw);
  const option = Number.isInteger(index) ? optionText(facts.rows, parsed.questionId, index) : undefined;
  if (option === undefined) return { action: "ignore", reason: "answer control without a readable option" };
  return { action: "turn", claim, event: { ...base, kind: "answer", questionId: parsed.questionId, option } };
}

export interface ModalFacts extends InteractionFacts {
  customId: string;
  /** Text inputs by custom id (the question ids). */
  fields: ReadonlyMap<string, string>;
  /** The round as its message showed it (prefilled answers that did not change are not new). */
  round: RoundOnMessage | undefined;
}

export type NormalizedModal =
  | { action: "ignore"; reason: string }
  | { action: "empty"; claim: ClaimRequest }
  | { action: "turn"; claim: ClaimRequest; event: InboundEvent };

export function normalizeModal(facts: ModalFacts): NormalizedModal {
  if (parseCustomId(facts.customId, "modal")?.kind !== "modal") return { action: "ignore", reason: "not our modal" };
  const key = keyOfPlace(facts.place);
  if (!key) return { action: "ignore", reason: "thread without a parent" };
  const eventId = interactionEventId(facts.interactionId);
  const claim = claimOf(eventId, facts.place, facts.user, false);
  const answers = newAnswers(facts.fields, facts.round);
  if (Object.keys(answers).length === 0) return { action: "empty", claim };
  return {
    action: "turn",
    claim,
    event: { eventId, key, user: facts.user, direct: isDirect(facts.place), kind: "answers", answers },
  };
}

/** The submitted answers that are new: empty inputs and unchanged prefills are left out. */
export function newAnswers(
  submitted: ReadonlyMap<string, string>,
  round: RoundOnMessage | undefined,
): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [questionId, raw] of submitted) {
    const value = raw.trim();
    const before = round?.questions.find((q) => q.id === questionId)?.answer;
    if (value !== "" && value !== before) answers[questionId] = value;
  }
  return answers;
}
