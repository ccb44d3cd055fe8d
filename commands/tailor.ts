/**
 * The `tailor` slash command, as data: registered by `npm run commands:register`, matched by name
 * when an interaction arrives. The intent is optional so a bare `/tailor` gets the usage line.
 * @see https://discord.com/developers/docs/interactions/application-commands
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";

export const TAILOR_COMMAND = {
  name: "tailor",
  type: ApplicationCommandType.ChatInput,
  description: "Turn a one-line request into a tailored prompt (I ask a few questions first)",
  options: [
    {
      name: "intent",
      description: "What you want the prompt for, e.g. “a cold email to an investor”",
      type: ApplicationCommandOptionType.String,
      required: false,
    },
  ],
  // In guild channels and in the bot's DMs; installed to guilds (the bot user must be there).
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
