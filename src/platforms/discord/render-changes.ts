/**
 * What changed from the previous version, compact and collapsed: an embed field whose diff block is
 * behind a spoiler (one click shows it), at most a few lines, within the field's 1024 characters.
 */
import type { APIEmbedField } from "discord.js";
import type { DiffLine } from "../../core/engine-api.js";
import { type ControlLabels, controlLabels, countLabel } from "../../core/messages/control-labels.js";
import { oneLine, truncate } from "./text-format.js";

/** Discord's limit for an embed field's value. */
const FIELD_VALUE_MAX = 1024;
const MAX_LINES = 12;
const MAX_LINE_CHARS = 120;
const OPEN = "||```diff\n";
const CLOSE = "\n```||";
const ZERO_WIDTH_SPACE = "\u200b";

export function renderChanges(
  changes: readonly DiffLine[],
  version: number,
  labels: ControlLabels = controlLabels("en"),
): APIEmbedField {
  const added = changes.filter((c) => c.op === "added").length;
  const removed = changes.length - added;
  const name = `${labels.whatChanged}: v${version - 1} → v${version}${changes.length > 0 ? ` (+${added} −${removed})` : ""}`;
  if (changes.length === 0) return { name, value: labels.noChanges };
  const room = FIELD_VALUE_MAX - OPEN.length - CLOSE.length;
  const lines: string[] = [];
  let used = 0;
  for (const [index, change] of changes.entries()) {
    const line = `${change.op === "added" ? "+" : "-"} ${safe(change.text)}`;
    const more = changes.length - index;
    const reserve = index + 1 < changes.length ? 32 : 0;
    if (lines.length === MAX_LINES || used + line.length + 1 + reserve > room) {
      lines.push(`# ${countLabel(labels, { one: "moreLinesOne", many: "moreLinesMany" }, more)}`);
      break;
    }
    lines.push(line);
    used += line.length + 1;
  }
  return { name, value: `${OPEN}${lines.join("\n")}${CLOSE}` };
}

/** One line of the diff as code: no run of backticks or bars can end the block or the spoiler. */
const safe = (text: string): string =>
  truncate(oneLine(text), MAX_LINE_CHARS)
    .replace(/`(?=`)/g, `\`${ZERO_WIDTH_SPACE}`)
    .replace(/\|(?=\|)/g, `|${ZERO_WIDTH_SPACE}`);
