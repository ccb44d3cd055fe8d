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
import { fill, type MessageLanguage } from "../../core/messages/catalog.js";
import { type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";
import { CUSTOM_IDS } from "./custom-ids.js";
import { DISCORD_LIMITS } from "./discord-limits.js";
import type { OutboundMessage } from "./outbound-message.js";
import { escapeFences, fenced, fenceOverhead } from "./split-prompt.js";

export type WorkingState = (
  | { kind: "working"; step: Step }
  | { kind: "queued"; position: number }
  /** The prompt so far (the whole text, not a delta). */
  | { kind: "draft"; version: number; text: string }
) & {
  /** The conversation's language, for the indicator's words. */
  language?: MessageLanguage;
};

const STEP_TEXT: Record<Step, (labels: ControlLabels) => string> = {
  analyse: (labels) => `⏳ ${labels.stepAnalyse}`,
  integrate: (labels) => `⏳ ${labels.stepIntegrate}`,
  synthesize: (labels) => `✍️ ${labels.stepSynthesize}`,
  refine: (labels) => `✍️ ${labels.stepRefine}`,
};

const LANGUAGE = "md";
/** Shown at the top of a draft whose beginning no longer fits: the newest text matters most. */
const CUT_MARK = "…";

export const stopRow = (language?: MessageLanguage): APIActionRowComponent<APIComponentInMessageActionRow> => ({
  type: ComponentType.ActionRow,
  components: [
    {
      type: ComponentType.Button,
      style: ButtonStyle.Danger,
      custom_id: CUSTOM_IDS.stop,
      label: controlLabels(language).stop,
    },
  ],
});

export function renderWorking(state: WorkingState): OutboundMessage {
  return { content: workingText(state), components: [stopRow(state.language)] };
}

function workingText(state: WorkingState): string {
  const labels = controlLabels(state.language);
  switch (state.kind) {
    case "working":
      return STEP_TEXT[state.step](labels);
    case "queued":
      return `⏳ ${state.position === 1 ? labels.next : fill(labels.queued, { position: state.position })}`;
    case "draft": {
      const header = `✍️ **${fill(labels.writing, { version: state.version })}**`;
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
