/**
 * `/tailor defaults …`: shows, sets or clears the channel's default capabilities. The engine decides
 * everything (and claims the command once); this file says whether the user may change them, a
 * workspace admin or owner (users.info) or someone listed in TAILOR_ADMINS, and renders the replies:
 * private ones only to the user, public ones in the channel.
 * @see https://docs.slack.dev/reference/methods/users.info (is_admin, is_owner, is_primary_owner)
 */
import type { webApi } from "@slack/bolt";
import type { EngineReply, TailorEngine } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import { commandEventId, commandUser, type SlackCommandPayload } from "./normalize-events.js";
import { renderReply } from "./render-reply.js";
import type { SlackMessage } from "./slack-message.js";

export interface DefaultsCommandDeps {
  client: webApi.WebClient;
  engine: TailorEngine;
  logger: Logger;
  /** TAILOR_ADMINS: user ids that may change defaults whatever their workspace role. */
  admins: ReadonlySet<string>;
}

/** How a reply reaches the user: through the command's response_url, privately or in the channel. */
export type CommandResponder = (message: SlackMessage, visibility: EngineReply["visibility"]) => Promise<void>;

export async function runDefaultsCommand(
  deps: DefaultsCommandDeps,
  command: SlackCommandPayload,
  text: string,
  respond: CommandResponder,
  signal?: AbortSignal,
): Promise<void> {
  const canManage = await canManageDefaults(deps, command.user_id);
  const replies = await deps.engine.defaults(
    {
      eventId: commandEventId(command),
      place: { platform: "slack", workspace: command.team_id, channel: command.channel_id },
      user: commandUser(command),
      text,
      canManage,
    },
    signal,
  );
  for (const reply of replies) await respond(renderReply(reply), reply.visibility);
}

/** Listed in TAILOR_ADMINS, or a workspace admin or owner; a failed lookup counts as no. */
export async function canManageDefaults(deps: DefaultsCommandDeps, userId: string): Promise<boolean> {
  if (deps.admins.has(userId)) return true;
  try {
    const info = await deps.client.users.info({ user: userId });
    const user = info.user;
    return user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
  } catch (error) {
    deps.logger.warn("could not look up a user's role for /tailor defaults", { error });
    return false;
  }
}

/** TAILOR_ADMINS as a set: comma-separated user ids, blanks ignored. */
export const parseAdmins = (list: string | readonly string[] | undefined): ReadonlySet<string> =>
  new Set(
    (typeof list === "string" ? list.split(",") : (list ?? [])).map((id) => id.trim()).filter((id) => id.length > 0),
  );
