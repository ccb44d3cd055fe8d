/**
 * One-click slot edits: the prompt's "Change a setting" select lists, for each pinned or assumed
 * capability of the checklist, the other values it can take and "other…" (a modal for the
 * user's own words). Choosing a value writes the next version (the engine's `slot` event). Everything
 * the choice needs rides in the option's value, so any replica, after any restart, can read it.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APISelectMenuOption } from "discord.js";
import { ComponentType } from "discord.js";
import { type CapabilityId, capabilityIdSchema } from "../../core/conversation.js";
import type { ChecklistItem } from "../../core/engine-api.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import { oneLine, truncate } from "./text-format.js";

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

export type SlotChoice =
  | { kind: "set"; capability: CapabilityId; value: string }
  /** `now`: what the menu said the value is now ("Now: …", maybe cut), shown in the modal. */
  | { kind: "other"; capability: CapabilityId; label: string; now?: string };

const SET = "set:";
const OTHER = "other:";
const ARROW = " → ";

/** The items a slot edit can change: values the user pinned or the bot assumed. */
export const editableItems = (checklist: readonly ChecklistItem[]): ChecklistItem[] =>
  checklist.filter((item) => item.status === "pinned" || item.status === "assumed");

/** The select's row, or undefined when nothing can be changed. Words in `labels` (the conversation's language). */
export function renderSlotMenu(
  checklist: readonly ChecklistItem[],
  labels: ControlLabels = controlLabels("en"),
): Row | undefined {
  const items = editableItems(checklist).slice(0, DISCORD_LIMITS.selectOptions);
  if (items.length === 0) return undefined;
  // Every item keeps its "other…"; the room left goes to values, one item at a time in turn.
  const values = items.map((item) => offeredValues(item));
  const taken = items.map(() => 0);
  let room = DISCORD_LIMITS.selectOptions - items.length;
  for (let progress = true; room > 0 && progress; ) {
    progress = false;
    for (let i = 0; i < items.length && room > 0; i++) {
      if ((taken[i] ?? 0) < (values[i]?.length ?? 0)) {
        taken[i] = (taken[i] ?? 0) + 1;
        room -= 1;
        progress = true;
      }
    }
  }
  const options: APISelectMenuOption[] = items.flatMap((item, i) => [
    ...(values[i] ?? []).slice(0, taken[i]).map((value) => ({
      label: `${labelOf(item)}${ARROW}${value}`,
      value: `${SET}${item.capability}=${value}`,
    })),
    {
      label: truncate(`${labelOf(item)}${ARROW}${labels.other}`, DISCORD_LIMITS.selectOptionLabel),
      value: `${OTHER}${item.capability}`,
      ...(item.value ? { description: truncate(`Now: ${oneLine(item.value)}`, DISCORD_LIMITS.selectOptionLabel) } : {}),
    },
  ]);
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.StringSelect,
        custom_id: CUSTOM_IDS.slot,
        placeholder: truncate(labels.changeSetting, DISCORD_LIMITS.selectPlaceholder),
        options,
        min_values: 1,
        max_values: 1,
      },
    ],
  };
}

/** The values offered for an item: its options but the current one, each fitting a label and a value whole. */
function offeredValues(item: ChecklistItem): string[] {
  const prefix = `${labelOf(item)}${ARROW}`.length;
  const valuePrefix = `${SET}${item.capability}=`.length;
  const max = DISCORD_LIMITS.selectOptionLabel - Math.max(prefix, valuePrefix);
  const current = item.value?.trim().toLowerCase();
  const seen = new Set<string>();
  return item.options
    .map((option) => oneLine(option))
    .filter((option) => {
      const key = option.toLowerCase();
      if (option === "" || option.length > max || key === current || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A short label: the capability's name for people, cut so that its values still fit. */
const labelOf = (item: ChecklistItem): string => truncate(oneLine(item.label) || item.capability, 40);

/**
 * Reads a chosen option back (its label and description too, for "other…"); undefined for
 * anything that is not a valid choice.
 */
export function parseSlotChoice(
  value: string,
  option?: Pick<APISelectMenuOption, "label" | "description">,
): SlotChoice | undefined {
  if (value.startsWith(SET)) {
    const rest = value.slice(SET.length);
    const at = rest.indexOf("=");
    const capability = capabilityIdSchema.safeParse(rest.slice(0, at));
    const chosen = rest.slice(at + 1).trim();
    return at > 0 && capability.success && chosen !== ""
      ? { kind: "set", capability: capability.data, value: chosen }
      : undefined;
  }
  if (value.startsWith(OTHER)) {
    const capability = capabilityIdSchema.safeParse(value.slice(OTHER.length));
    if (!capability.success) return undefined;
    const label = option?.label.split(ARROW)[0]?.trim() || capability.data.replace(/_/g, " ");
    const now = option?.description?.startsWith("Now: ") ? option.description : undefined;
    return { kind: "other", capability: capability.data, label, ...(now ? { now } : {}) };
  }
  return undefined;
}
