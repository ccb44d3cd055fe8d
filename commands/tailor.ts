/**
 * The `tailor` slash command, as data: registered by `npm run commands:register`, matched by name
 * when an interaction arrives. The intent is optional so a bare `/tailor` gets the usage line;
 * `/tailor intent:defaults …` shows, sets or clears the server's defaults.
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
      // "defaults" (then nothing, "set tone=friendly", or "clear") shows or changes the server's defaults.
      description: "What you want a prompt for, e.g. “a cold email to an investor” (or: defaults)",
      type: ApplicationCommandOptionType.String,
      required: false,
    },
  ],
  // In guild channels and in the bot's DMs; installed to guilds (the bot user must be there).
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
