/** A posted message's content and action rows as API data (what the pure renderers work on). */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ComponentType,
  type Message,
} from "discord.js";

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
