/**
 * What changed between two prompt versions, kept compact: the prompt message carries one line (how
 * many lines were added and removed, what was asked) with a "What changed" button; the lines
 * themselves travel in the button's value and are shown only to whoever clicks it (an ephemeral
 * message), so the thread stays short and any replica can answer the click without a lookup.
 */
import type { DiffLine } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import { type ControlLabels, controlLabels, countLabel } from "../../core/messages/control-labels.js";
import { escapeMrkdwn, safeMrkdwn, truncateMrkdwn } from "./mrkdwn.js";
import { DIFF_ACTION_ID } from "./slack-ids.js";
import { SLACK_LIMITS } from "./slack-limits.js";
import { type Block, button, context, message, type SlackMessage, section } from "./slack-message.js";

const MARK: Record<DiffLine["op"], string> = { added: "+", removed: "-" };
const FENCE = "```";
/** Looks like a fence, is not one (U+02CB): a prompt line's own ``` cannot close the diff's block. */
const FENCE_LOOKALIKE = "ˋˋˋ";

/**
 * The diff as the button's value: one `+ line` / `- line` a line, cut at a line to fit Slack's 2,000
 * characters; what was left out is counted in the labels' language.
 */
export function encodeDiff(changes: readonly DiffLine[], labels: ControlLabels = controlLabels("en")): string {
  const lines = changes.map((change) => `${MARK[change.op]} ${change.text}`);
  const more = (count: number): string =>
    countLabel(labels, { one: "moreChangedLinesOne", many: "moreChangedLinesMany" }, count);
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const rest = lines.length - i - 1;
    const tail = rest > 0 ? `\n${more(rest)}`.length : 0;
    if (length + line.length + 1 + tail > SLACK_LIMITS.buttonValue) {
      kept.push(more(lines.length - i));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join("\n");
}

/** The line under a version (from v2 on): what changed, with the button that shows the lines; in the labels' language. */
export function renderChangesLine(
  version: number,
  changes: readonly DiffLine[],
  request: string | undefined,
  labels: ControlLabels,
): Block {
  // The label's own words are escaped; the request is made safe on its own.
  const asked = request?.trim()
    ? ` · ${fill(escapeMrkdwn(labels.youAsked), { request: safeMrkdwn(request.trim(), 300) })}`
    : "";
  if (changes.length === 0) return context(`${escapeMrkdwn(labels.noChanges)}${asked}`);
  const added = changes.filter((change) => change.op === "added").length;
  const removed = changes.length - added;
  const heading = escapeMrkdwn(fill(labels.changesHeading, { version: version - 1 }));
  const counts = [
    countLabel(labels, { one: "linesAddedOne", many: "linesAddedMany" }, added),
    countLabel(labels, { one: "linesRemovedOne", many: "linesRemovedMany" }, removed),
  ].map(escapeMrkdwn);
  const text = `*${heading}*: ${counts.join(", ")}${asked}`;
  return {
    ...section(text, "tailor_changes"),
    accessory: button(DIFF_ACTION_ID, labels.whatChanged, encodeDiff(changes, labels)),
  } as Block;
}

/** The ephemeral message a "What changed" click gets: its heading in the prompt's language, the lines in a code block. */
export function renderDiff(encoded: string, labels: ControlLabels): SlackMessage {
  const heading = `*${escapeMrkdwn(labels.whatChanged)}*`;
  const room = SLACK_LIMITS.sectionText - heading.length - 2 * FENCE.length - 3;
  const body = truncateMrkdwn(escapeMrkdwn(encoded.replaceAll(FENCE, FENCE_LOOKALIKE)), room);
  return message(labels.whatChanged, [section(`${heading}\n${FENCE}\n${body}\n${FENCE}`)]);
}
