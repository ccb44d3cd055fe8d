/**
 * A prompt's checklist as Block Kit: each pinned or assumed capability is a section with a select
 * (its options and "Other…") that writes the next version in one click; what the last refinement
 * changed is marked; open capabilities share one line.
 */
import type { ChecklistItem } from "../../core/engine-api.js";
import type { ControlLabels } from "../../core/messages/control-labels.js";
import { escapeMrkdwn, safeMrkdwn } from "./mrkdwn.js";
import { SLOT_OTHER_CALLBACK_ID, slotActionId, slotBlockId } from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { type Block, option, section, staticSelect } from "./slack-message.js";

/** The value of the "Other…" option (option values are `=` + the option text, so none can equal it). */
export const SLOT_OTHER_VALUE = SLOT_OTHER_CALLBACK_ID;
const OPTION_VALUE_PREFIX = "=";

/** A slot option's value: `=` and its text. */
export const slotOptionValue = (text: string): string => `${OPTION_VALUE_PREFIX}${text}`;

/** What a slot select's value asks for: a value, "other" (a modal), or nothing readable. */
export function readSlotValue(value: string): { kind: "value"; value: string } | { kind: "other" } | undefined {
  if (value === SLOT_OTHER_VALUE) return { kind: "other" };
  if (value.startsWith(OPTION_VALUE_PREFIX) && value.length > OPTION_VALUE_PREFIX.length)
    return { kind: "value", value: value.slice(OPTION_VALUE_PREFIX.length) };
  return undefined;
}

const statusWord = (status: ChecklistItem["status"], labels: ControlLabels): string =>
  ({ pinned: labels.statusPinned, assumed: labels.statusAssumed, open: labels.statusOpen })[status];

export function renderChecklist(items: readonly ChecklistItem[], labels: ControlLabels): Block[] {
  const blocks: Block[] = [];
  const editable = items.flatMap((item, index) => (item.status === "open" ? [] : [{ item, index }]));
  if (editable.length > 0)
    blocks.push(section(`*${escapeMrkdwn(labels.checklist)}*: ${escapeMrkdwn(labels.checklistHint)}`));
  for (const { item, index } of editable) blocks.push(slotSection(item, index, labels));
  const open = items.filter((item) => item.status === "open");
  if (open.length > 0) {
    const names = open.map(
      (item) => `${escapeMrkdwn(labelOf(item))}${item.changed ? ` _(${escapeMrkdwn(labels.changed)})_` : ""}`,
    );
    blocks.push(section(`*${escapeMrkdwn(labels.openHeading)}*: ${names.join(" · ")}`));
  }
  return blocks;
}

function slotSection(item: ChecklistItem, index: number, labels: ControlLabels): Block {
  const status = item.source === "default" ? labels.fromDefaults : statusWord(item.status, labels);
  const value = item.value ? `: ${safeMrkdwn(item.value, 1_000)}` : "";
  const changed = item.changed ? ` · :pencil2: *${escapeMrkdwn(labels.changed)}*` : "";
  const text = `*${escapeMrkdwn(labelOf(item))}*${value} · _${escapeMrkdwn(status)}_${changed}`;
  // Options whose text would not fit an option value are left out: "Other…" still takes any text.
  const options = item.options
    .filter((text) => slotOptionValue(text).length <= SLACK_LIMITS.optionValue)
    .slice(0, SLACK_LIMITS.selectOptions - 1)
    .map((text) => option(text, slotOptionValue(text)));
  const initial = options.find(
    (candidate) => item.value !== undefined && candidate.value === slotOptionValue(item.value),
  );
  const select = staticSelect(
    slotActionId(index),
    labels.change,
    [...options, option(labels.other, SLOT_OTHER_VALUE)],
    initial,
  );
  return { ...section(text, slotBlockId(item.capability)), accessory: select } as Block;
}

const labelOf = (item: ChecklistItem): string => item.label || item.capability.replaceAll("_", " ");
