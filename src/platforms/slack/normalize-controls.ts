/**
 * The newer controls' payloads → the engine's plain events: the one-form answer's Submit (reading the
 * selects Slack kept in `state.values`) and a checklist slot's select. Pure, like normalize-events.ts.
 */
import type { CapabilityId } from "../../core/conversation.js";
import { capabilityIdSchema } from "../../core/conversation.js";
import type { InboundEvent } from "../../core/engine-api.js";
import {
  actionEnvelope,
  type EventEnvelope,
  type SlackBlockActionBody,
  type SlackButtonAction,
} from "./normalize-events.js";
import { readSlotValue } from "./render-checklist.js";
import { optionOfValue } from "./render-questions.js";
import {
  answerActionId,
  capabilityOfSlotBlock,
  PICK_ACTION_ID,
  questionBlockId,
  questionIdOfPickBlock,
} from "./slack-ids.js";

export type SubmitResult =
  | { kind: "answers"; event: InboundEvent; channel: string; messageTs: string }
  /** Submit with nothing picked: the form says so privately, the engine is not asked. */
  | { kind: "empty"; channel: string; threadTs: string; userId: string };

/**
 * Submit: one `answers` event with the option picked for each question. A select's value is the
 * option's index; the option text is read from the same question's button in the message, whose
 * value (`capability=option`) holds it whole.
 */
export function normalizeSubmit(body: SlackBlockActionBody, action: SlackButtonAction): SubmitResult | undefined {
  const envelope = actionEnvelope(body, action);
  if (!envelope) return undefined;
  const answers: Record<string, string> = {};
  const values = body.state?.values;
  for (const [blockId, inputs] of Object.entries(isRecord(values) ? values : {})) {
    const questionId = questionIdOfPickBlock(blockId);
    const picked = pickedValue(isRecord(inputs) ? inputs[PICK_ACTION_ID] : undefined);
    if (!questionId || picked === undefined || !/^\d+$/.test(picked)) continue;
    const option = buttonOption(body.message?.blocks, questionId, Number(picked));
    if (option !== undefined) answers[questionId] = option;
  }
  const { base, channel, messageTs } = envelope;
  if (Object.keys(answers).length === 0)
    return { kind: "empty", channel, threadTs: base.key.thread, userId: base.user.id };
  return { kind: "answers", event: { ...base, kind: "answers", answers }, channel, messageTs };
}

/** A slot select's choice: a value to write, or "Other…" (the adapter opens a modal for it). */
export type SlotChoice =
  | { kind: "value"; event: InboundEvent; channel: string }
  | { kind: "other"; envelope: EventEnvelope; capability: CapabilityId; channel: string; messageTs: string };

export function normalizeSlot(body: SlackBlockActionBody, action: SlackButtonAction): SlotChoice | undefined {
  const envelope = actionEnvelope(body, action);
  if (!envelope || typeof action.block_id !== "string") return undefined;
  const capability = capabilityIdSchema.safeParse(capabilityOfSlotBlock(action.block_id));
  const picked = action.selected_option?.value;
  if (!capability.success || typeof picked !== "string") return undefined;
  const choice = readSlotValue(picked);
  if (!choice) return undefined;
  const { base, channel, messageTs } = envelope;
  if (choice.kind === "other")
    return { kind: "other", envelope: base, capability: capability.data, channel, messageTs };
  return { kind: "value", event: { ...base, kind: "slot", capability: capability.data, value: choice.value }, channel };
}

/** The option text of a question's `index`-th button in the posted message, if it is there. */
function buttonOption(blocks: unknown[] | undefined, questionId: string, index: number): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const block = blocks.find((b) => isRecord(b) && b.type === "actions" && b.block_id === questionBlockId(questionId));
  const elements = isRecord(block) && Array.isArray(block.elements) ? block.elements : [];
  const button = elements.find((e) => isRecord(e) && e.action_id === answerActionId(index));
  const value = isRecord(button) ? button.value : undefined;
  return typeof value === "string" ? optionOfValue(value) : undefined;
}

/** The value of a select's chosen option in `state.values`, if one was chosen. */
function pickedValue(input: unknown): string | undefined {
  const selected = isRecord(input) ? input.selected_option : undefined;
  const value = isRecord(selected) ? selected.value : undefined;
  return typeof value === "string" ? value : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
