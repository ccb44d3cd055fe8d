/**
 * The environment of contract.md as one zod schema. Every error names its variable;
 * secret values are never echoed back.
 */
import { z } from "zod";

const optionalString = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.string())
  .optional()
  .transform((s) => (s === "" ? undefined : s));

const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off", ""], {
      error: "must be true or false",
    })
    .optional()
    .transform((v) => (v === undefined || v === "" ? fallback : ["true", "1", "yes", "on"].includes(v)));

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { error: `must be an integer between ${min} and ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { error: `must be at least ${min}` })
        .max(max, { error: `must be at most ${max}` }),
    );

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\/[^\s]+$/.test(v) && URL.canParse(v), { error: "must be an http(s) URL" });

const list = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const envSchema = z.object({
  TAILOR_MODEL: optionalString,
  TAILOR_LORA: optionalString,
  TAILOR_LLM_URL: httpUrl.optional(),
  TAILOR_LLM_MODEL: optionalString,
  TAILOR_LLM_API_KEY: optionalString,
  TAILOR_THREADS: integer(1, 256).optional(),
  TAILOR_SEQUENCES: integer(1, 64).optional(),
  TAILOR_CONTEXT_SIZE: integer(256, 1_048_576).optional(),
  TAILOR_TEMPERATURE: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, { error: "must be a number between 0 and 2" })
    .transform(Number)
    .pipe(z.number().max(2, { error: "must be a number between 0 and 2" }))
    .default(0.2),
  TAILOR_SEED: integer(0, 2_147_483_647).optional(),
  TAILOR_GPU: z.enum(["auto", "false"], { error: "must be auto or false" }).default("auto"),
  TAILOR_MAX_INTENT_CHARS: integer(1, 100_000).default(4000),
  TAILOR_RETENTION_DAYS: integer(1, 3650).default(7),
  TAILOR_ALLOW_OTHERS: bool(false),
  TAILOR_DMS: bool(true),
  TAILOR_ALLOW_WORKSPACES: list,
  TAILOR_BLOCK_WORKSPACES: list,
  TAILOR_ALLOW_CHANNELS: list,
  TAILOR_BLOCK_CHANNELS: list,
  TAILOR_ALLOW_USERS: list,
  TAILOR_BLOCK_USERS: list,
  /** Slack user ids who may change channel defaults besides workspace admins and owners. */
  TAILOR_ADMINS: list,
  STORE_URL: z
    .string()
    .trim()
    .default("sqlite://./data/tailor.sqlite")
    .refine((v) => /^(sqlite:\/\/.+|rediss?:\/\/.+|memory:\/\/)$/.test(v), {
      error: "must be sqlite://PATH, redis://… or memory://",
    }),
  SLACK_BOT_TOKEN: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_PORT: integer(1, 65535).default(3000),
  SLACK_API_URL: httpUrl.default("https://slack.com/api/"),
  DISCORD_TOKEN: optionalString,
  DISCORD_API_URL: httpUrl.default("https://discord.com/api"),
  DISCORD_APPLICATION_ID: optionalString,
  DISCORD_GUILD_ID: optionalString,
  DISCORD_MESSAGE_CONTENT: bool(false),
  HEALTH_PORT: integer(0, 65535).default(8080),
  LOG_LEVEL: z
    .enum(["debug", "info", "warn", "error"], { error: "must be debug, info, warn or error" })
    .default("info"),
  LOG_FORMAT: z.enum(["json", "pretty"], { error: "must be json or pretty" }).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Variables whose values must never reach a log line or an error message. */
export const SECRET_VARIABLES = [
  "TAILOR_LLM_API_KEY",
  "SLACK_BOT_TOKEN",
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "DISCORD_TOKEN",
] as const;
