import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCommands } from "../../commands/register-discord.js";
import { TAILOR_COMMAND } from "../../commands/tailor.js";
import { type DiscordStandin, startDiscordStandin } from "../fixtures/discord-standin/start-discord-standin.js";

const run = promisify(execFile);

/** Runs `npm run commands:register`'s script as a person would, with only the given variables. */
async function registerScript(env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "commands/register-discord.ts"], {
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("registering the tailor command", () => {
  let standin: DiscordStandin;
  beforeAll(async () => {
    standin = await startDiscordStandin();
  });
  afterAll(async () => {
    await standin.close();
  });

  it("puts the definition from commands/ globally, learning the application id from the API", async () => {
    const before = standin.calls.length;
    const result = await registerCommands({ token: standin.token, apiUrl: standin.apiUrl });
    const calls = standin.calls.slice(before);
    expect(result).toEqual({ scope: "global", applicationId: standin.world.applicationId, commands: ["tailor"] });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      "GET /applications/@me",
      `PUT /applications/${standin.world.applicationId}/commands`,
    ]);
    expect(calls[1]?.body).toEqual([JSON.parse(JSON.stringify(TAILOR_COMMAND))]);
  });

  it("puts it in one guild with DISCORD_GUILD_ID (without the global-only fields), printing one line", async () => {
    const before = standin.calls.length;
    const result = await registerScript({
      DISCORD_TOKEN: standin.token,
      DISCORD_API_URL: standin.apiUrl,
      DISCORD_APPLICATION_ID: standin.world.applicationId,
      DISCORD_GUILD_ID: standin.world.guildId,
    });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toContain(`guild ${standin.world.guildId}`);
    const calls = standin.calls.slice(before);
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `PUT /applications/${standin.world.applicationId}/guilds/${standin.world.guildId}/commands`,
    ]);
    const sent = (calls[0]?.body as Array<Record<string, unknown>> | undefined)?.[0];
    expect(sent).toMatchObject({ name: "tailor", options: [expect.objectContaining({ name: "intent", type: 3 })] });
    expect(sent).not.toHaveProperty("contexts");
  });

  it("fails with one line naming DISCORD_TOKEN when it is missing or rejected, without retrying", async () => {
    const missing = await registerScript({ DISCORD_API_URL: standin.apiUrl });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("DISCORD_TOKEN");

    const before = standin.calls.length;
    const rejected = await registerScript({ DISCORD_TOKEN: "not-the-token", DISCORD_API_URL: standin.apiUrl });
    expect(rejected.code).not.toBe(0);
    expect(rejected.stderr.trim().split("\n")).toHaveLength(1);
    expect(rejected.stderr).toContain("DISCORD_TOKEN");
    expect(standin.calls.length - before).toBe(1);
  });
});
