/**
 * "Something else…" for a setting: a modal with one text input for the user's own value. Its
 * submission is the engine's `slot` event.
 */
import { type APIModalInteractionResponseCallbackData, ComponentType, TextInputStyle } from "discord.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { SlotChoice } from "./slot-menu.js";
import { truncate } from "./text-format.js";

/** A setting is a short value; a longer wish is a refinement typed in the thread. */
export const MAX_SLOT_VALUE_CHARS = 300;

export function buildSlotModal(
  choice: Extract<SlotChoice, { kind: "other" }>,
  labels: ControlLabels = controlLabels("en"),
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: CUSTOM_IDS.slotModal(choice.capability),
    title: truncate(`${labels.changeSetting}: ${choice.label}`, DISCORD_LIMITS.modalTitle),
    components: [
      {
        type: ComponentType.Label,
        label: truncate(`${choice.label}: ${labels.other}`, DISCORD_LIMITS.labelText),
        ...(choice.now ? { description: truncate(choice.now, DISCORD_LIMITS.labelDescription) } : {}),
        component: {
          type: ComponentType.TextInput,
          custom_id: CUSTOM_IDS.slotValue,
          style: TextInputStyle.Short,
          required: true,
          min_length: 1,
          max_length: MAX_SLOT_VALUE_CHARS,
        },
      },
    ],
  };
}
