/**
 * Reads the environment once at start-up. Bad configuration is one TailorError whose message is one
 * line naming the variable and what is wrong (main prints it and exits non-zero).
 */
import { TailorError } from "../core/errors.js";
import { type Env, envSchema, SECRET_VARIABLES } from "./env-schema.js";

export interface Config {
  env: Env;
  /** Secret values present, for log redaction. */
  secrets: string[];
  slack?: { botToken: string; appToken?: string; signingSecret?: string; port: number; apiUrl: string };
  discord?: { token: string; apiUrl: string; applicationId?: string; guildId?: string; messageContent: boolean };
}

export function loadConfig(source: NodeJS.ProcessEnv): Config {
  // Empty strings count as unset (a blank line in .env must not fail validation of a default).
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    const shown = (SECRET_VARIABLES as readonly string[]).includes(variable) ? "" : describeValue(raw[variable]);
    throw new TailorError("config.invalid", `${variable} ${issue?.message ?? "is invalid"}${shown}`);
  }
  const env = parsed.data;
  checkCombinations(env);
  const secrets = SECRET_VARIABLES.map((name) => env[name]).filter((v): v is string => Boolean(v));
  return {
    env,
    secrets,
    slack: env.SLACK_BOT_TOKEN
      ? {
          botToken: env.SLACK_BOT_TOKEN,
          appToken: env.SLACK_APP_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET,
          port: env.SLACK_PORT,
          apiUrl: env.SLACK_API_URL,
        }
      : undefined,
    discord: env.DISCORD_TOKEN
      ? {
          token: env.DISCORD_TOKEN,
          apiUrl: env.DISCORD_API_URL,
          applicationId: env.DISCORD_APPLICATION_ID,
          guildId: env.DISCORD_GUILD_ID,
          messageContent: env.DISCORD_MESSAGE_CONTENT,
        }
      : undefined,
  };
}

function checkCombinations(env: Env): void {
  const fail = (message: string) => {
    throw new TailorError("config.invalid", message);
  };
  if (env.SLACK_BOT_TOKEN && !env.SLACK_BOT_TOKEN.startsWith("xoxb-"))
    fail("SLACK_BOT_TOKEN must be a bot token starting with xoxb-");
  if (env.SLACK_APP_TOKEN && !env.SLACK_APP_TOKEN.startsWith("xapp-"))
    fail("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
  if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET)
    fail("SLACK_SIGNING_SECRET is required for HTTP mode when SLACK_APP_TOKEN is not set");
  if (!env.SLACK_BOT_TOKEN && (env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET))
    fail("SLACK_BOT_TOKEN is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set");
  if (env.TAILOR_LLM_URL && (env.TAILOR_MODEL || env.TAILOR_LORA))
    fail("TAILOR_LLM_URL replaces the in-process model: unset TAILOR_MODEL and TAILOR_LORA, or TAILOR_LLM_URL");
}

function describeValue(value: string | undefined): string {
  if (value === undefined) return "";
  const short = value.length > 60 ? `${value.slice(0, 57)}...` : value;
  return ` (got "${short}")`;
}
