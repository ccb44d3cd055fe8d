/** Small text helpers for Discord rendering: lengths count UTF-16 units, which never undercounts Discord's. */
import { escapeMarkdown } from "discord.js";

/** Shortens to `max` characters with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

export const oneLine = (text: string): string => text.replace(/\s+/g, " ").trim();

/** Model or user text shown as chat text: markdown characters lose their meaning. */
export const escapeText = (text: string): string => escapeMarkdown(text);

/** Undoes `escapeText` (labels read back from our own messages). */
export const unescapeText = (text: string): string => text.replace(/\\([\\*_~`|>#[\]()-])/g, "$1");

export const capabilityLabel = (id: string): string => id.replace(/_/g, " ");
