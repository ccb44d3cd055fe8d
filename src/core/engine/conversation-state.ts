/**
 * Pure transitions of the conversation record: creation, capability status, questions, views.
 */

import { setCapabilityValue } from "../capabilities/pin-values.js";
import {
  CAPABILITY_IDS,
  type CapabilityId,
  type CapabilityState,
  CONVERSATION_SCHEMA_VERSION,
  type Conversation,
  type ConversationKey,
  type Question,
} from "../conversation.js";
import type { ChecklistItem, InboundUser, QuestionView, ReplyBody } from "../engine-api.js";
import type { CapabilityDefinition } from "../library.js";
import { EN, fill } from "../messages/catalog.js";
import type { ProposedQuestion } from "../model-calls/analyse-call.js";
import { findVerbatim } from "../model-calls/clean-text.js";
import { lineDiff } from "../versions/line-diff.js";

export function newConversation(key: ConversationKey, owner: InboundUser, intent: string, now: string): Conversation {
  return {
    schemaVersion: CONVERSATION_SCHEMA_VERSION,
    key,
    owner: owner.name ? { id: owner.id, name: owner.name } : { id: owner.id },
    intent,
    phase: "analysing",
    capabilities: CAPABILITY_IDS.map((id) => ({ id, status: "open" })),
    questions: [],
    round: 0,
    pending: [],
    versions: [],
    modelCalls: 0,
    modelRetries: 0,
    refs: {},
    createdAt: now,
    updatedAt: now,
  };
}

/** Pins add up per capability; a correction replaces them (see capabilities/pin-values.ts). */
export const setCapability = setCapabilityValue;

/**
 * A value the model read from the user's text is pinned in the user's own words; a value the user
 * never wrote is the model's interpretation, so it is shown as an assumption instead.
 */
export function pinFromUserText(
  conversation: Conversation,
  found: { capability: CapabilityId; value: string },
  userText: string,
  source: "answer" | "correction",
): void {
  const verbatim = findVerbatim(userText, found.value);
  if (verbatim) setCapability(conversation, found.capability, "pinned", verbatim, source);
  else
    setCapability(conversation, found.capability, "assumed", found.value, "model", {
      overridePinned: source === "correction",
    });
}

export function startRound(conversation: Conversation, proposed: readonly ProposedQuestion[]): void {
  // Earlier rounds' answers are kept: synthesize still sees them in the user's words.
  const answered = conversation.questions.filter((q) => q.answer !== undefined);
  if (answered.length > 0) conversation.earlierQuestions = [...(conversation.earlierQuestions ?? []), ...answered];
  conversation.round += 1;
  conversation.questions = proposed.map((q, i) => ({
    id: `r${conversation.round}q${i + 1}`,
    capability: q.capability,
    text: q.question,
    options: q.options,
  }));
  conversation.phase = "asking";
}

/** Every question of the conversation so far, earlier rounds first. */
export const allQuestions = (conversation: Conversation): Question[] => [
  ...(conversation.earlierQuestions ?? []),
  ...conversation.questions,
];

export const isPinned = (conversation: Conversation, id: CapabilityId): boolean =>
  conversation.capabilities.some((c) => c.id === id && c.status === "pinned");

export const openQuestions = (conversation: Conversation): Question[] =>
  conversation.questions.filter((q) => q.answer === undefined);

export function questionsReply(conversation: Conversation): ReplyBody {
  const assumed = conversation.capabilities.filter((c) => c.status === "assumed");
  const intro = [
    conversation.round > 1 ? EN.nextRound : EN.firstRound,
    assumed.length ? fill(EN.assuming, { list: assumed.map((c) => `${c.id}: ${c.value}`).join("; ") }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  const questions: QuestionView[] = conversation.questions.map((q) => ({
    id: q.id,
    capability: q.capability,
    text: q.text,
    options: q.options,
    ...(q.answer !== undefined ? { answer: q.answer } : {}),
  }));
  return { kind: "questions", round: conversation.round, intro, questions };
}

/**
 * The capabilities as the user sees them with a prompt version; `changed` marks what differs from
 * the capabilities the previous version was written with.
 */
export function checklist(
  conversation: Conversation,
  definitions: readonly CapabilityDefinition[],
  previous?: readonly CapabilityState[],
): ChecklistItem[] {
  const valuesOf = (states: readonly CapabilityState[], id: CapabilityId) =>
    JSON.stringify(states.filter((s) => s.id === id).map((s) => [s.status, s.value ?? ""]));
  return conversation.capabilities.map((c) => {
    const definition = definitions.find((d) => d.id === c.id);
    return {
      capability: c.id,
      label: definition?.label ?? c.id,
      status: c.status,
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.source === "default" ? { source: "default" as const } : {}),
      ...(previous && valuesOf(previous, c.id) !== valuesOf(conversation.capabilities, c.id) ? { changed: true } : {}),
      options: definition?.options ?? [],
    };
  });
}

export function promptReply(conversation: Conversation, definitions: readonly CapabilityDefinition[]): ReplyBody {
  const latest = conversation.versions.at(-1);
  if (!latest) throw new Error("promptReply without a version");
  const previous = conversation.versions.at(-2);
  return {
    kind: "prompt",
    version: latest.version,
    text: latest.text,
    checklist: checklist(conversation, definitions, previous?.capabilities),
    assumptions: latest.assumptions,
    repaired: latest.repaired,
    ...(previous ? { changes: lineDiff(previous.text, latest.text) } : {}),
    ...(latest.request !== undefined ? { request: latest.request } : {}),
  };
}
