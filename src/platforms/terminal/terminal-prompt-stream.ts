/**
 * The prompt streamed to stdout as the model writes it, between the same marker lines as a finished
 * prompt. Only the new end of each draft is written. The promise: stdout's last `--- prompt vN ---`
 * … `--- end ---` block is exactly the final prompt's text. When the final prompt continues what was
 * streamed, the block is completed; when it (or a later draft) does not, the block is closed, a line
 * says the prompt was revised, and the new text follows in a block of its own.
 */
import type { PromptDraft } from "../../core/engine-api.js";
import { fill, type MessageLanguage } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import {
  PROMPT_END,
  type PromptReply,
  promptHeader,
  renderPromptTrailer,
  renderTerminalReply,
} from "./render-terminal-reply.js";

/** The line between a streamed block and the revised text that follows it, in the conversation's language. */
export const revisedLine = (version: number, language?: MessageLanguage): string =>
  `(${fill(controlLabels(language).terminalRevised, { version })})`;
/** The line after a streamed block whose turn ended without the prompt, in the conversation's language. */
export const unfinishedLine = (version: number, language?: MessageLanguage): string =>
  `(${fill(controlLabels(language).terminalUnfinished, { version })})`;

export class TerminalPromptStream {
  /** The block being streamed: its version, the text written into it so far and the draft's language. */
  private block: { version: number; written: string; language?: MessageLanguage } | undefined;

  /** `write` takes text as is (no newline added). */
  constructor(private readonly write: (text: string) => void) {}

  /** A block is open: anything else written now would land inside the prompt's text. */
  get streaming(): boolean {
    return this.block !== undefined;
  }

  draft(draft: PromptDraft): void {
    // Trailing whitespace waits for what follows it: the final text may end without it.
    const text = draft.text.trimEnd();
    if (text === "") return;
    const block = this.block;
    if (block && block.version === draft.version && text.startsWith(block.written)) {
      this.write(text.slice(block.written.length));
      block.written = text;
      return;
    }
    if (block) this.write(`\n${PROMPT_END}\n${revisedLine(draft.version, draft.language ?? block.language)}\n`);
    this.write(`${promptHeader(draft.version)}\n${text}`);
    this.block = { version: draft.version, written: text, ...(draft.language ? { language: draft.language } : {}) };
  }

  /** The turn's prompt reply: completes the streamed block, or closes it and writes the final text in full. */
  finish(reply: PromptReply): void {
    const block = this.block;
    this.block = undefined;
    if (block && block.version === reply.version && reply.text.startsWith(block.written)) {
      this.write(`${reply.text.slice(block.written.length)}\n${PROMPT_END}\n${renderPromptTrailer(reply)}\n`);
      return;
    }
    if (block) this.write(`\n${PROMPT_END}\n${revisedLine(reply.version, reply.language ?? block.language)}\n`);
    this.write(`${renderTerminalReply(reply)}\n`);
  }

  /**
   * The turn ended without a prompt (stopped, failed): the streamed block is closed and marked
   * unfinished, in the draft's language (or the one given, from the turn's last reply).
   */
  abandon(language?: MessageLanguage): void {
    const block = this.block;
    this.block = undefined;
    if (block) this.write(`\n${PROMPT_END}\n${unfinishedLine(block.version, block.language ?? language)}\n`);
  }
}
