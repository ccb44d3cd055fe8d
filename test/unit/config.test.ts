import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load-config.js";
import { TailorError } from "../../src/core/errors.js";

const errorOf = (env: Record<string, string>): TailorError => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof TailorError) return error;
    throw error;
  }
  throw new Error("expected loadConfig to fail");
};

describe("loadConfig", () => {
  it("applies the contract's defaults", () => {
    const { env, slack, discord } = loadConfig({});
    expect(env.STORE_URL).toBe("sqlite://./data/tailor.sqlite");
    expect(env.TAILOR_MAX_INTENT_CHARS).toBe(4000);
    expect(env.HEALTH_PORT).toBe(8080);
    expect(env.SLACK_PORT).toBe(3000);
    expect(env.SLACK_API_URL).toBe("https://slack.com/api/");
    expect(env.DISCORD_API_URL).toBe("https://discord.com/api");
    expect(env.DISCORD_MESSAGE_CONTENT).toBe(false);
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.TAILOR_RETENTION_DAYS).toBe(7);
    expect(slack).toBeUndefined();
    expect(discord).toBeUndefined();
  });

  it.each([
    ["STORE_URL", "postgres://db"],
    ["TAILOR_THREADS", "many"],
    ["TAILOR_THREADS", "0"],
    ["TAILOR_MAX_INTENT_CHARS", "-5"],
    ["HEALTH_PORT", "70000"],
    ["SLACK_PORT", "http"],
    ["SLACK_API_URL", "not a url"],
    ["DISCORD_API_URL", "ftp://discord"],
    ["DISCORD_MESSAGE_CONTENT", "maybe"],
    ["LOG_LEVEL", "verbose"],
    ["TAILOR_LLM_URL", "localhost:8000"],
    ["TAILOR_DMS", "sometimes"],
    ["TAILOR_TEMPERATURE", "hot"],
    ["TAILOR_TEMPERATURE", "3"],
  ])("names %s when it is %j, in one line", (variable, value) => {
    const error = errorOf({ [variable]: value });
    expect(error.code).toBe("config.invalid");
    expect(error.message.startsWith(`${variable} `)).toBe(true);
    expect(error.message).not.toContain("\n");
  });

  it("never prints a token, even a malformed one", () => {
    const token = "not-a-bot-token-SECRET-1234567890";
    const error = errorOf({ SLACK_BOT_TOKEN: token, SLACK_APP_TOKEN: "xapp-1-A" });
    expect(error.message).toContain("SLACK_BOT_TOKEN");
    expect(error.message).not.toContain(token);
  });

  it("requires a signing secret for Slack HTTP mode", () => {
    expect(errorOf({ SLACK_BOT_TOKEN: "xoxb-1" }).message).toMatch(/^SLACK_SIGNING_SECRET /);
  });

  it("enables the platforms whose credentials are set and lists secrets for redaction", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-abc",
      SLACK_APP_TOKEN: "xapp-def",
      DISCORD_TOKEN: "discord-token-value",
      DISCORD_MESSAGE_CONTENT: "true",
    });
    expect(config.slack).toMatchObject({ botToken: "xoxb-abc", appToken: "xapp-def", port: 3000 });
    expect(config.discord).toMatchObject({ token: "discord-token-value", messageContent: true });
    expect(config.secrets).toEqual(expect.arrayContaining(["xoxb-abc", "xapp-def", "discord-token-value"]));
  });

  it("treats blank variables as unset", () => {
    expect(loadConfig({ STORE_URL: "", TAILOR_THREADS: " " }).env.STORE_URL).toBe("sqlite://./data/tailor.sqlite");
  });

  it("refuses an OpenAI-compatible URL together with a local model", () => {
    expect(errorOf({ TAILOR_LLM_URL: "http://127.0.0.1:8000/v1", TAILOR_MODEL: "x.gguf" }).message).toMatch(
      /^TAILOR_LLM_URL /,
    );
  });
});
