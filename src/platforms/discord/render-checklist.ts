/**
 * The checklist shown with every prompt version (pinned / assumed / open, the assumptions, what the
 * alignment check added back and, from version 2 on, what changed), as one embed: it makes the bot's
 * memory visible without another message. What the latest refinement changed is marked ✎.
 */
import type { APIEmbed } from "discord.js";
import type { ChecklistItem, DiffLine } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import { renderChanges } from "./render-changes.js";
import { capabilityLabel, escapeText, oneLine, truncate } from "./text-format.js";

/** One value never crowds out the rest of the checklist. */
const MAX_VALUE_CHARS = 200;
export const CHANGED_MARK = "✎";

export interface ChecklistView {
  checklist: readonly ChecklistItem[];
  assumptions: readonly string[];
  repaired: readonly string[];
  version?: number;
  changes?: readonly DiffLine[];
  /** The prompt message offers the "Change a setting" menu. */
  slotMenu?: boolean;
  /** Words in the conversation's language. */
  labels?: ControlLabels;
}

export function renderChecklist(view: ChecklistView): APIEmbed {
  const { checklist, assumptions, repaired } = view;
  const labels = view.labels ?? controlLabels("en");
  const value = (text: string) => escapeText(truncate(oneLine(text), MAX_VALUE_CHARS));
  const section = (title: string, lines: string[]) => (lines.length > 0 ? [`**${title}**`, ...lines, ""] : []);
  const name = (item: ChecklistItem) =>
    `${escapeText(oneLine(item.label) || capabilityLabel(item.capability))}${item.changed ? ` ${CHANGED_MARK}` : ""}`;
  const withValue = (status: ChecklistItem["status"]) =>
    checklist
      .filter((item) => item.status === status)
      .map(
        (item) =>
          `• ${name(item)}${item.value ? `: ${value(item.value)}` : ""}${item.source === "default" ? ` *(${labels.fromServerDefaults})*` : ""}`,
      );
  const open = checklist.filter((item) => item.status === "open").map(name);
  const changed = checklist.some((item) => item.changed);
  const lines = [
    // Said first: the streamed draft lacked these, the final version has them.
    ...(repaired.length > 0 ? [`⚠️ ${fill(labels.repaired, { values: repaired.map(value).join("; ") })}`, ""] : []),
    ...section(labels.pinnedHeading, withValue("pinned")),
    ...section(view.slotMenu ? labels.assumedHeadingMenu : labels.assumedHeading, withValue("assumed")),
    ...section(labels.openHeading, open.length > 0 ? [open.join(", ")] : []),
    ...section(
      labels.assumptionsHeading,
      assumptions.map((a) => `• ${value(a)}`),
    ),
    ...(changed ? [`${CHANGED_MARK} ${labels.changed}`] : []),
  ];
  const changes = view.changes && view.version && view.version > 1 ? view.changes : undefined;
  return {
    title: labels.checklist,
    description: truncate(lines.join("\n").trim() || labels.nothingPinned, DISCORD_LIMITS.embedDescription),
    ...(changes && view.version ? { fields: [renderChanges(changes, view.version, labels)] } : {}),
  };
}
