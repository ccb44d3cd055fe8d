/**
 * `npm run chat` as a process (the real bot, piped stdin) over the OpenAI-compatible backend, against
 * the model-server stand-in, which streams its answers as server-sent events in small pieces: the
 * prompt streams to stdout between its marker lines, and the block is exactly the final prompt.
 */
import { afterEach, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../fixtures/bot-process.js";
import { type ChatBody, modelServerEnv, startModelServer } from "../fixtures/model-server.js";
import type { OpenAiStandin } from "../fixtures/openai-standin.js";
import { promptBlocks } from "../fixtures/prompt-blocks.js";

let server: OpenAiStandin | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Resolves once the bot's stdout matches. */
const until = (bot: BotProcess, pattern: RegExp) =>
  new Promise<void>((resolve) => {
    const check = () => {
      if (!pattern.test(bot.stdout())) return false;
      bot.child.stdout?.off("data", check);
      resolve();
      return true;
    };
    if (!check()) bot.child.stdout?.on("data", check);
  });

describe("terminal chat process with a streaming OpenAI-compatible server", () => {
  it("streams the prompt calls, and stdout shows each version once, exactly as the final prompt", async () => {
    server = await startModelServer();
    const bot = startBot(
      { ...modelServerEnv(server), STORE_URL: "memory://" },
      { args: ["--chat"], stdin: "write a cold email to an investor\n1 2\nshorter please\n" },
    );
    expect(await bot.exited).toBe(0);
    const streamed = server
      .chatRequests()
      .map((r) => [(r.body as ChatBody).response_format.json_schema.name, (r.body as ChatBody).stream]);
    // The prompt calls (v1, and the refinement's v2) stream; the analysis does not.
    expect(streamed).toEqual([
      ["analyse", undefined],
      ["synthesize", true],
      ["synthesize", true],
    ]);
    const out = bot.stdout();
    expect(promptBlocks(out).map((b) => b.version)).toEqual([1, 2]);
    expect(out).not.toContain("revised");
    expect(promptBlocks(out)[0]?.text).toMatch(/^Role: You are an expert writer\.\n[\s\S]*- Investors\n- Warm\n/);
    expect(promptBlocks(out)[1]?.text).toContain("- Refined: shorter please");
    expect(out).toContain("--- end ---\nCapabilities:\n");
  }, 60_000);

  it("a stop line piped while the prompt streams stops the call; retry writes it to its end", async () => {
    // Slow pieces: the prompt is still streaming when the stop line arrives.
    server = await startModelServer({ pieceDelayMs: 15 });
    const bot = startBot({ ...modelServerEnv(server), STORE_URL: "memory://" }, { args: ["--chat"] });
    bot.child.stdin?.write("write a cold email to an investor\n1 2\n");
    await until(bot, /--- prompt v1 ---\nRole: You are/);
    bot.child.stdin?.write("stop\n");
    await until(bot, /\(type retry to try again\)/);
    expect(bot.stdout()).toMatch(/--- end ---\n\(prompt v1 was not finished\)\n/);
    bot.child.stdin?.end("retry\n");
    expect(await bot.exited).toBe(0);
    const out = bot.stdout();
    const all = promptBlocks(out);
    expect(all.map((b) => b.version)).toEqual([1, 1]);
    expect(all[1]?.text).toMatch(/^Role: You are an expert writer\.[\s\S]*- Investors\n- Warm\n[\s\S]*"""$/);
    expect(all[0]?.text.length).toBeLessThan(all[1]?.text.length ?? 0);
    // Both prompt calls streamed; the first was cut off by the stop.
    const synthesize = server
      .chatRequests()
      .filter((r) => (r.body as ChatBody).response_format.json_schema.name === "synthesize");
    expect(synthesize.map((r) => (r.body as ChatBody).stream)).toEqual([true, true]);
  }, 60_000);
});
