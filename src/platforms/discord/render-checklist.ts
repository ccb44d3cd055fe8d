/**
 * The checklist shown with every prompt version (pinned / assumed / open, the assumptions and what the
 * alignment check added back), as one embed: it makes the bot's memory visible without another message.
 */
import type { APIEmbed } from "discord.js";
import type { ChecklistItem } from "../../core/engine-api.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import { capabilityLabel, escapeText, oneLine, truncate } from "./text-format.js";

/** One value never crowds out the rest of the checklist. */
const MAX_VALUE_CHARS = 200;

export function renderChecklist(
  checklist: readonly ChecklistItem[],
  assumptions: readonly string[],
  repaired: readonly string[],
): APIEmbed {
  const value = (text: string) => escapeText(truncate(oneLine(text), MAX_VALUE_CHARS));
  const section = (title: string, lines: string[]) => (lines.length > 0 ? [`**${title}**`, ...lines, ""] : []);
  const withValue = (status: ChecklistItem["status"]) =>
    checklist
      .filter((item) => item.status === status)
      .map((item) => `• ${capabilityLabel(item.capability)}${item.value ? `: ${value(item.value)}` : ""}`);
  const open = checklist.filter((item) => item.status === "open").map((item) => capabilityLabel(item.capability));
  const lines = [
    ...section("Pinned (your words)", withValue("pinned")),
    ...section("Assumed (say so in this thread to correct one)", withValue("assumed")),
    ...section("Left open for the model to optimize", open.length > 0 ? [open.join(", ")] : []),
    ...section(
      "Assumptions in the prompt",
      assumptions.map((a) => `• ${value(a)}`),
    ),
    ...section(
      "Added back by the alignment check",
      repaired.map((r) => `• ${value(r)}`),
    ),
  ];
  return {
    title: "Checklist",
    description: truncate(lines.join("\n").trim() || "Nothing pinned yet.", DISCORD_LIMITS.embedDescription),
  };
}
