/**
 * "Other…" in a checklist slot's select: a modal with one text field (views.open with the click's
 * trigger_id), whose submission (callback `tailor_slot_other`) becomes a `slot` event with the typed
 * value. The conversation it belongs to travels in the view's private_metadata, so any replica can
 * take the submission.
 * @see https://docs.slack.dev/reference/methods/views.open
 */
import type { types } from "@slack/bolt";
import { type CapabilityId, capabilityIdSchema } from "../../core/conversation.js";
import type { InboundEvent } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import type { ControlLabels } from "../../core/messages/control-labels.js";
import { escapeMrkdwn, truncatePlain } from "./mrkdwn.js";
import type { EventEnvelope } from "./normalize-events.js";
import { SLOT_OTHER_CALLBACK_ID } from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { section } from "./slack-message.js";

const VALUE_BLOCK_ID = "tailor_slot_value";
const VALUE_ACTION_ID = "value";
/** A value is one capability's setting, not a new request: a short field. */
export const SLOT_VALUE_MAX = 500;

interface SlotMetadata {
  /** workspace, channel, thread, capability */
  w: string;
  c: string;
  t: string;
  k: CapabilityId;
}

/** The modal for "Other…"; its words in the language of the message whose select opened it. */
export function renderSlotModal(
  envelope: EventEnvelope,
  capability: CapabilityId,
  label: string,
  labels: ControlLabels,
): types.View {
  const metadata: SlotMetadata = {
    w: envelope.key.workspace,
    c: envelope.key.channel,
    t: envelope.key.thread,
    k: capability,
  };
  return {
    type: "modal",
    callback_id: SLOT_OTHER_CALLBACK_ID,
    title: { type: "plain_text", text: truncatePlain(labels.changeChoice, SLACK_LIMITS.modalTitle) },
    submit: { type: "plain_text", text: truncatePlain(labels.modalSubmit, SLACK_LIMITS.modalButton) },
    close: { type: "plain_text", text: truncatePlain(labels.modalCancel, SLACK_LIMITS.modalButton) },
    private_metadata: JSON.stringify(metadata).slice(0, SLACK_LIMITS.privateMetadata),
    blocks: [
      // The hint's own words are escaped; the capability's label goes in bold.
      section(fill(escapeMrkdwn(labels.slotModalHint), { label: `*${escapeMrkdwn(label)}*` })),
      {
        type: "input",
        block_id: VALUE_BLOCK_ID,
        label: { type: "plain_text", text: label.slice(0, SLACK_LIMITS.inputLabel) || labels.valueField },
        element: { type: "plain_text_input", action_id: VALUE_ACTION_ID, max_length: SLOT_VALUE_MAX },
      },
    ],
  };
}

/** The fields of a `view_submission` payload the adapter reads. */
export interface SlotSubmissionBody {
  user?: { id?: string; name?: string; username?: string };
  view?: {
    id?: string;
    private_metadata?: string;
    state?: { values?: Record<string, Record<string, { value?: string | null }>> };
  };
}

/** The submission as a `slot` event, or undefined when it cannot be read (or is empty). */
export function normalizeSlotSubmission(body: SlotSubmissionBody): InboundEvent | undefined {
  const userId = body.user?.id;
  const viewId = body.view?.id;
  if (typeof userId !== "string" || !userId || typeof viewId !== "string" || !viewId) return undefined;
  const metadata = parseMetadata(body.view?.private_metadata);
  const value = body.view?.state?.values?.[VALUE_BLOCK_ID]?.[VALUE_ACTION_ID]?.value;
  if (!metadata || typeof value !== "string" || !value.trim()) return undefined;
  const name = body.user?.name ?? body.user?.username;
  return {
    eventId: `slack:view:${viewId}`,
    key: { platform: "slack", workspace: metadata.w, channel: metadata.c, thread: metadata.t },
    user: { id: userId, ...(name ? { name } : {}) },
    direct: metadata.c.startsWith("D"),
    kind: "slot",
    capability: metadata.k,
    value: value.trim(),
  };
}

function parseMetadata(raw: string | undefined): SlotMetadata | undefined {
  if (typeof raw !== "string") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const { w, c, t, k } = parsed as Record<string, unknown>;
  const capability = capabilityIdSchema.safeParse(k);
  const texts = [w, c, t].every((part) => typeof part === "string" && part.length > 0);
  return texts && capability.success
    ? { w: w as string, c: c as string, t: t as string, k: capability.data }
    : undefined;
}
