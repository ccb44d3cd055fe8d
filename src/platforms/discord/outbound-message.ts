/**
 * A message as the renderers produce it: plain API data, no discord.js objects, so rendering is
 * testable without a client. The sender adds allowed mentions to every one.
 */
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord.js";

export interface OutboundFile {
  name: string;
  text: string;
}

export interface OutboundMessage {
  content: string;
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  embeds?: APIEmbed[];
  files?: OutboundFile[];
  /** Shown only to the person who acted (possible for interaction replies only). */
  ephemeral?: boolean;
}

/** Nothing the bot posts pings anyone: set on every message as well as client-wide. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const satisfies {
  parse: [];
  repliedUser: boolean;
};
