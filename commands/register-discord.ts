/**
 * `npm run commands:register`: registers the `tailor` slash command with Discord, globally or, with
 * DISCORD_GUILD_ID, in one guild (instant). Prints one line; on failure one line and a non-zero exit.
 * Reads DISCORD_TOKEN, DISCORD_APPLICATION_ID (else learned from the API), DISCORD_GUILD_ID, DISCORD_API_URL.
 */
import { pathToFileURL } from "node:url";
import { DiscordAPIError, REST, Routes } from "discord.js";
import { TAILOR_COMMAND } from "./tailor.js";

export interface RegisterOptions {
  token: string;
  apiUrl?: string;
  applicationId?: string;
  guildId?: string;
}

export interface RegisterResult {
  scope: "global" | "guild";
  applicationId: string;
  commands: string[];
}

const DEFAULT_API_URL = "https://discord.com/api";

export async function registerCommands(options: RegisterOptions): Promise<RegisterResult> {
  // No retries on a rejected token: repeated 401s get an IP banned.
  const rest = new REST({ api: options.apiUrl ?? DEFAULT_API_URL, retries: 0 }).setToken(options.token);
  const applicationId = options.applicationId ?? (await learnApplicationId(rest));
  if (options.guildId) {
    // Guild commands exist in that guild only: contexts and integration types do not apply.
    const { contexts: _contexts, integration_types: _types, ...guildCommand } = TAILOR_COMMAND;
    await rest.put(Routes.applicationGuildCommands(applicationId, options.guildId), { body: [guildCommand] });
    return { scope: "guild", applicationId, commands: [TAILOR_COMMAND.name] };
  }
  await rest.put(Routes.applicationCommands(applicationId), { body: [TAILOR_COMMAND] });
  return { scope: "global", applicationId, commands: [TAILOR_COMMAND.name] };
}

async function learnApplicationId(rest: REST): Promise<string> {
  const application = (await rest.get(Routes.currentApplication()).catch((error: unknown) => {
    // Older deployments and some proxies only answer the OAuth2 route.
    if (error instanceof DiscordAPIError && error.status === 404) return rest.get(Routes.oauth2CurrentApplication());
    throw error;
  })) as { id?: string };
  if (!application.id) throw new Error("Discord did not say which application this token belongs to");
  return application.id;
}

/** One line for a person: what went wrong and what to check. */
export function describeFailure(error: unknown): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return "Discord rejected DISCORD_TOKEN (401 Unauthorized): check the bot token";
    if (error.status === 403)
      return `Discord refused the registration (403 ${error.message}): check DISCORD_APPLICATION_ID and that the bot is in DISCORD_GUILD_ID`;
    return `Discord answered ${error.status} ${error.message}`;
  }
  return `could not reach Discord: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(env: NodeJS.ProcessEnv): Promise<number> {
  const token = env.DISCORD_TOKEN?.trim();
  if (!token) {
    process.stderr.write(
      "commands:register: DISCORD_TOKEN is not set (the bot token from the Discord developer portal)\n",
    );
    return 1;
  }
  try {
    const result = await registerCommands({
      token,
      ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
      ...(env.DISCORD_APPLICATION_ID ? { applicationId: env.DISCORD_APPLICATION_ID } : {}),
      ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
    });
    const where =
      result.scope === "guild"
        ? `in guild ${env.DISCORD_GUILD_ID} (available now)`
        : "globally (Discord may take up to an hour to show it everywhere)";
    process.stdout.write(
      `Registered /${result.commands.join(", /")} for application ${result.applicationId} ${where}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`commands:register: ${describeFailure(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.env).then((code) => {
    process.exitCode = code;
  });
}
