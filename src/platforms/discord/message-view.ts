/** A posted message's content and action rows as API data (what the pure renderers work on). */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ComponentType,
  type Message,
} from "discord.js";
import type { MessageLanguage } from "../../core/messages/catalog.js";
import { languageOfLabels } from "../../core/messages/control-labels.js";

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface MessageView {
  content: string;
  rows: ActionRow[];
}

export function viewOf(message: Message): MessageView {
  const rows = message.components
    .map((component) => component.toJSON())
    .filter((json): json is ActionRow => json.type === ComponentType.ActionRow);
  return { content: message.content, rows };
}

/** The language of a message the bot wrote, from the labels on its controls (English when unknown). */
export const languageOfView = (view: MessageView): MessageLanguage =>
  languageOfLabels(
    view.rows.flatMap((row) =>
      row.components.flatMap((c) => [
        ...("label" in c && typeof c.label === "string" ? [c.label] : []),
        ...("placeholder" in c && typeof c.placeholder === "string" ? [c.placeholder] : []),
      ]),
    ),
  );
