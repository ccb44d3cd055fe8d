/**
 * The real bot process from the outside, as an operator runs it: start-up refusals, SIGTERM during a
 * generation, and readiness following Redis.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../fixtures/bot-process.js";
import { ensureBenchModel, ensureFixtureModels } from "../fixtures/gguf/ensure-fixture-models.js";
import { hasRedisServer, startRedisServer } from "../fixtures/redis-server.js";
import { freePort } from "../fixtures/slack-standin/free-port.js";
import { blockAction, eventCallback, findButton, messageEvent } from "../fixtures/slack-standin/slack-payloads.js";
import { APP_TOKEN, BOT_TOKEN, SlackStandin, type StoredMessage } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("starting the bot", () => {
  it("with no credentials and no terminal, exits non-zero naming the variables to set", async () => {
    const bot = startBot({}, { stdin: "" });
    expect(await bot.exited).toBe(1);
    const lines = bot.stderr().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/SLACK_BOT_TOKEN.*DISCORD_TOKEN/);
  });

  it("with a bad variable, exits non-zero with one line naming it and never printing a secret", async () => {
    const bot = startBot({ SLACK_BOT_TOKEN: "not-a-token-SECRET", SLACK_APP_TOKEN: "xapp-1" }, { stdin: "" });
    expect(await bot.exited).toBe(1);
    expect(bot.stderr().trim().split("\n")).toEqual([expect.stringMatching(/^prompttailor: SLACK_BOT_TOKEN /)]);
    expect(bot.stderr()).not.toContain("SECRET");
  });

  it("npm run chat with TAILOR_MODEL and TAILOR_LORA on the fixtures completes a piped conversation", async () => {
    const { model, lora } = await ensureFixtureModels();
    const bot = startBot(
      {
        TAILOR_MODEL: model,
        TAILOR_LORA: lora,
        STORE_URL: "memory://",
        TAILOR_SEED: "11",
        TAILOR_CONTEXT_SIZE: "16384",
        LOG_LEVEL: "info",
      },
      { args: ["--chat"], stdin: "write a cold email to an investor\nskip\n" },
    );
    expect(await bot.exited).toBe(0);
    expect(bot.stdout()).toMatch(/--- prompt v1 ---\n[\s\S]+\n--- end ---/);
    // stdout is the conversation only: the start-up log line went to stderr.
    expect(bot.stdout()).not.toContain("model loaded");
    expect(bot.stderr()).toContain("model loaded");
  }, 60_000);
});

const isRetryable = (m: StoredMessage) => findButton(m, "tailor_retry") !== undefined;

describe("SIGTERM during a generation", () => {
  it("tells the user, saves the step, and a restarted bot resumes it with retry", async () => {
    const standin = await SlackStandin.start();
    cleanups.push(() => standin.close());
    const dir = await mkdtemp(path.join(os.tmpdir(), "pt-sigterm-"));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const slack = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: standin.apiUrl,
      STORE_URL: `sqlite://${path.join(dir, "tailor.sqlite")}`,
      TAILOR_CONTEXT_SIZE: "16384",
    };
    // A 26M-parameter model decoding greedily: its first call takes many seconds on a CPU.
    const slow = startBot({ ...slack, TAILOR_MODEL: await ensureBenchModel(), TAILOR_TEMPERATURE: "0" });
    cleanups.push(() => slow.stop("SIGKILL"));
    await waitFor(() => standin.connections >= 1, { timeoutMs: 60_000, what: "the bot connected" });

    const ts = standin.nextTs();
    standin.sendEnvelope(
      "events_api",
      eventCallback(
        messageEvent(standin, { text: "plan a week in Lisbon", channel: "D0SIGTERM", channelType: "im", ts }),
      ),
    );
    const replies = () => standin.thread("D0SIGTERM", ts).filter((m) => m.bot_id);
    await waitFor(() => replies().some((m) => /Working on it/.test(m.text)), { timeoutMs: 30_000, what: "working" });
    expect(await slow.stop("SIGTERM")).toBe(0);
    const notice = replies().find(isRetryable);
    expect(notice?.text).toMatch(/restarting/i);

    const fresh = startBot({
      ...slack,
      TAILOR_MODEL: (await ensureFixtureModels()).model,
      TAILOR_TEMPERATURE: "1",
      TAILOR_SEED: "11",
    });
    cleanups.push(() => fresh.stop());
    await waitFor(() => standin.connections >= 2, { timeoutMs: 60_000, what: "the restarted bot connected" });
    const target = findButton(notice!, "tailor_retry");
    standin.sendEnvelope("interactive", blockAction(standin, notice!, target!));
    await waitFor(
      () =>
        replies().some(
          (m) => m.blocks.some((b) => b.block_id === "tailor_prompt") || /tailor_skip/.test(JSON.stringify(m.blocks)),
        ),
      { timeoutMs: 60_000, what: "the resumed conversation" },
    );
  }, 150_000);
});

describe.skipIf(!hasRedisServer())("readiness", () => {
  it("is 503 while Redis is down and 200 again when it is back; metrics parse as Prometheus text", async () => {
    const standin = await SlackStandin.start();
    cleanups.push(() => standin.close());
    const redis = await startRedisServer();
    cleanups.push(() => redis.stop());
    const port = await freePort();
    const bot: BotProcess = startBot({
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: standin.apiUrl,
      STORE_URL: redis.url,
      TAILOR_MODEL: (await ensureFixtureModels()).model,
      HEALTH_PORT: String(port),
    });
    cleanups.push(() => bot.stop());
    const status = (p: string) =>
      fetch(`http://127.0.0.1:${port}${p}`).then(
        (r) => r.status,
        () => 0,
      );
    await statusBecomes(() => status("/readyz"), 200, 60_000);
    await redis.kill();
    await statusBecomes(() => status("/readyz"), 503, 30_000);
    expect(await status("/healthz")).toBe(200);
    await redis.restart();
    await statusBecomes(() => status("/readyz"), 200, 30_000);

    const scrape = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const samples = scrape.split("\n").filter((l) => l && !l.startsWith("#"));
    for (const line of samples) expect(line).toMatch(/^[a-z_:][a-z0-9_:]*(\{[^}]*\})? -?[0-9.e+]+$/i);
    expect(scrape).toContain("# TYPE tailor_store_errors_total counter");
    expect(scrape).toContain("tailor_queue_depth");
  }, 120_000);
});

async function statusBecomes(probe: () => Promise<number>, expected: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = await probe();
    if (last === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`status stayed ${last}, expected ${expected}`);
}
