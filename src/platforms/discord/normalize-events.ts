/**
 * Discord payloads → the engine's plain events. Pure: the handlers read a few plain facts off the
 * discord.js objects (ids, content, custom id, the source message's rows) and everything else, from
 * routing a message to reading an answer's option, happens here, testable without a client or server.
 */
import { ComponentType } from "discord.js";
import { type ConversationKey, capabilityIdSchema } from "../../core/conversation.js";
import type { ClaimRequest, InboundEvent, InboundUser } from "../../core/engine-api.js";
import { answersOf } from "./answer-all-modal.js";
import { channelKey, DM_WORKSPACE, dmKey, interactionEventId, messageEventId, threadKey } from "./conversation-keys.js";
import { CUSTOM_IDS, parseCustomId } from "./custom-ids.js";
import type { ActionRow } from "./message-view.js";
import { optionText, type RoundOnMessage } from "./question-message.js";
import { type ChannelKind, type MessageFacts, routeMessage } from "./route-message.js";
import { parseSlotChoice, type SlotChoice } from "./slot-menu.js";

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

/** A modal a control opens (the modal is the acknowledgement; no engine event yet). */
export type ModalToOpen =
  | { kind: "own-words" }
  | { kind: "answer-all" }
  | { kind: "slot"; choice: Extract<SlotChoice, { kind: "other" }> };

export type NormalizedComponent =
  | { action: "ignore"; reason: string }
  /** Claimed like a turn, so a click delivered to two replicas opens one modal. */
  | { action: "open-modal"; claim: ClaimRequest; modal: ModalToOpen }
  | { action: "turn"; claim: ClaimRequest; event: InboundEvent };

export function normalizeComponent(facts: ComponentFacts): NormalizedComponent {
  const parsed = parseCustomId(facts.customId, facts.component);
  if (!parsed || parsed.kind === "modal" || parsed.kind === "answer-all-modal" || parsed.kind === "slot-modal")
    return { action: "ignore", reason: "not one of our controls" };
  const eventId = interactionEventId(facts.interactionId);
  const claim = claimOf(eventId, facts.place, facts.user, false);
  if (parsed.kind === "other") return { action: "open-modal", claim, modal: { kind: "own-words" } };
  if (parsed.kind === "answer-all") return { action: "open-modal", claim, modal: { kind: "answer-all" } };
  const key = keyOfPlace(facts.place);
  if (!key) return { action: "ignore", reason: "thread without a parent" };
  const base = { eventId, key, user: facts.user, direct: isDirect(facts.place) };
  if (parsed.kind === "skip" || parsed.kind === "retry" || parsed.kind === "stop")
    return { action: "turn", claim, event: { ...base, kind: parsed.kind } };
  if (parsed.kind === "slot") {
    const value = facts.values?.[0];
    const option = facts.rows
      .flatMap((row) => row.components)
      .flatMap((c) => (c.type === ComponentType.StringSelect && c.custom_id === facts.customId ? c.options : []))
      .find((o) => o.value === value);
    const choice = value === undefined ? undefined : parseSlotChoice(value, option);
    if (!choice) return { action: "ignore", reason: "slot menu without a readable choice" };
    if (choice.kind === "other") return { action: "open-modal", claim, modal: { kind: "slot", choice } };
    return {
      action: "turn",
      claim,
      event: { ...base, kind: "slot", capability: choice.capability, value: choice.value },
    };
  }
  const raw = facts.component === "select" ? facts.values?.[0] : parsed.optionIndex;
  const index = raw === undefined ? Number.NaN : Number(raw);
  const option = Number.isInteger(index) ? optionText(facts.rows, parsed.questionId, index) : undefined;
  if (option === undefined) return { action: "ignore", reason: "answer control without a readable option" };
  return { action: "turn", claim, event: { ...base, kind: "answer", questionId: parsed.questionId, option } };
}

export interface ModalFacts extends InteractionFacts {
  customId: string;
  /** Text inputs by custom id (the question ids, the own-words field, a setting's value). */
  fields: ReadonlyMap<string, string>;
  /** Select values by custom id (the "answer all" modal's question ids). */
  picks?: ReadonlyMap<string, readonly string[]>;
  /** The round as its message showed it (prefilled answers that did not change are not new). */
  round: RoundOnMessage | undefined;
  /** The rows of the message the modal was opened from (options are read from them). */
  rows?: readonly ActionRow[];
}

export type NormalizedModal =
  | { action: "ignore"; reason: string }
  | { action: "empty"; claim: ClaimRequest }
  | { action: "turn"; claim: ClaimRequest; event: InboundEvent };

export function normalizeModal(facts: ModalFacts): NormalizedModal {
  const parsed = parseCustomId(facts.customId, "modal");
  if (parsed?.kind !== "modal" && parsed?.kind !== "answer-all-modal" && parsed?.kind !== "slot-modal")
    return { action: "ignore", reason: "not our modal" };
  const key = keyOfPlace(facts.place);
  if (!key) return { action: "ignore", reason: "thread without a parent" };
  const eventId = interactionEventId(facts.interactionId);
  const claim = claimOf(eventId, facts.place, facts.user, false);
  const base = { eventId, key, user: facts.user, direct: isDirect(facts.place) };
  if (parsed.kind === "slot-modal") {
    const capability = capabilityIdSchema.safeParse(parsed.capability);
    if (!capability.success) return { action: "ignore", reason: "unknown capability" };
    const value = facts.fields.get(CUSTOM_IDS.slotValue)?.trim() ?? "";
    if (value === "") return { action: "empty", claim };
    return { action: "turn", claim, event: { ...base, kind: "slot", capability: capability.data, value } };
  }
  const answers =
    parsed.kind === "answer-all-modal"
      ? answersOf({ picks: facts.picks ?? new Map(), texts: facts.fields }, facts.round, facts.rows ?? [])
      : newAnswers(facts.fields, facts.round);
  if (Object.keys(answers).length === 0) return { action: "empty", claim };
  return { action: "turn", claim, event: { ...base, kind: "answers", answers } };
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
