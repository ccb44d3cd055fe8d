/**
 * The working indicator of a turn: one message in the conversation's thread that says what the model
 * is doing (or where the turn waits in the queue), shows the prompt as it is being written, and
 * carries the Stop button. The final reply takes its place.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { Step } from "../../core/conversation.js";
import { CUSTOM_IDS } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { escapeFences, fenced, fenceOverhead } from "./split-prompt.js";

export type WorkingState =
  | { kind: "working"; step: Step }
  | { kind: "queued"; position: number }
  /** The prompt so far (the whole text, not a delta). */
  | { kind: "draft"; version: number; text: string };

const STEP_TEXT: Record<Step, string> = {
  analyse: "⏳ Reading your request…",
  integrate: "⏳ Going through your answers…",
  synthesize: "✍️ Writing the prompt…",
  refine: "✍️ Writing the next version…",
};

const LANGUAGE = "md";
/** Shown at the top of a draft whose beginning no longer fits: the newest text matters most. */
const CUT_MARK = "…";

export const STOP_ROW: APIActionRowComponent<APIComponentInMessageActionRow> = {
  type: ComponentType.ActionRow,
  components: [{ type: ComponentType.Button, style: ButtonStyle.Danger, custom_id: CUSTOM_IDS.stop, label: "Stop" }],
};

export function renderWorking(state: WorkingState): OutboundMessage {
  return { content: workingText(state), components: [STOP_ROW] };
}

function workingText(state: WorkingState): string {
  switch (state.kind) {
    case "working":
      return STEP_TEXT[state.step];
    case "queued":
      return state.position === 1
        ? "⏳ The model is busy: you are next in line."
        : `⏳ The model is busy: you are number ${state.position} in line.`;
    case "draft": {
      const header = `✍️ **Writing prompt v${state.version}…**`;
      const budget = DISCORD_LIMITS.messageContent - header.length - 1 - fenceOverhead(LANGUAGE);
      return `${header}\n${fenced(tail(escapeFences(state.text).text, budget), LANGUAGE)}`;
    }
  }
}

/**
 * The end of `text` within `max` characters: from a line start where one is near, marked as cut, never
 * starting inside a surrogate pair.
 */
export function tail(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - CUT_MARK.length - 1;
  let start = text.length - room;
  const code = text.charCodeAt(start);
  if (code >= 0xdc00 && code <= 0xdfff) start += 1;
  const newline = text.indexOf("\n", start);
  // A line start within the last fifth keeps the draft readable; otherwise cut mid-line.
  if (newline >= 0 && newline - start < room / 5) start = newline + 1;
  return `${CUT_MARK}\n${text.slice(start)}`;
}
