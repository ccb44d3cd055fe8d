/**
 * The language a posted message was written in, read back from the blocks a click's payload carries
 * (`body.message.blocks`): what the click shows next (a hint, the diff, a modal) speaks the
 * conversation's language too, with no lookup. English when no label tells.
 */
import type { MessageLanguage } from "../../core/messages/catalog.js";
import { languageOfLabels } from "../../core/messages/control-labels.js";
import { unescapeMrkdwn } from "./mrkdwn.js";

/** Deep enough for Block Kit (block → accessory/elements → option → text); a hostile payload stops here. */
const MAX_DEPTH = 8;

/** Every text object's text in the blocks (buttons, select placeholders and options, sections, contexts). */
export function textsInBlocks(blocks: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || typeof node !== "object" || node === null) return;
    if (Array.isArray(node)) {
      for (const child of node) walk(child, depth + 1);
      return;
    }
    const { type, text } = node as { type?: unknown; text?: unknown };
    if ((type === "plain_text" || type === "mrkdwn") && typeof text === "string") texts.push(unescapeMrkdwn(text));
    for (const child of Object.values(node)) walk(child, depth + 1);
  };
  walk(blocks, 0);
  return texts;
}

/** The language of the message whose blocks these are. */
export const languageOfBlocks = (blocks: unknown): MessageLanguage => languageOfLabels(textsInBlocks(blocks));
