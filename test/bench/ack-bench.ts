/**
 * `npm run bench:ack`: acknowledgement latency of `/tailor` at 200 concurrent commands, the real bot
 * (HTTP mode, `node --import tsx src/main.ts`, instant model server, memory store) against a bare Bolt
 * app that only acks, measured in the same run, rounds alternating. Prints p50 and p99 of each and
 * the bot/bare ratio, after a full-size warm-up burst (whose figures are printed apart).
 * BENCH_CONCURRENCY, BENCH_ROUNDS and BENCH_PAUSE_MS (between bursts) change the load.
 */
import { spawn } from "node:child_process";
import { listening } from "../faults/slack-fleet.js";
import { startBot } from "../fixtures/bot-process.js";
import { modelServerEnv, startModelServer } from "../fixtures/model-server.js";
import { freePort } from "../fixtures/slack-standin/free-port.js";
import { commandBody, signature } from "../fixtures/slack-standin/signed-request.js";
import { slashCommand } from "../fixtures/slack-standin/slack-payloads.js";
import { BOT_TOKEN, SlackStandin } from "../fixtures/slack-standin/slack-standin.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECRET = "bench-signing-secret";
/** Between bursts: the bot's background turns of one burst (root posts, model calls) finish first. */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 5_000);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function burst(url: string, standin: SlackStandin, count: number): Promise<number[]> {
  const bodies = Array.from({ length: count }, () =>
    commandBody(slashCommand(standin, { text: "write a cold email to an investor about our seed round" })),
  );
  return Promise.all(
    bodies.map(async (body) => {
      const timestamp = Math.floor(Date.now() / 1000);
      const started = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": signature(SECRET, timestamp, body),
        },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`ack answered ${response.status}`);
      return performance.now() - started;
    }),
  );
}

async function main(): Promise<void> {
  const standin = await SlackStandin.start({ echoBotMessages: false });
  const model = await startModelServer();
  const [botPort, barePort] = [await freePort(), await freePort()];
  const bot = startBot({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_PORT: String(botPort),
    SLACK_API_URL: standin.apiUrl,
    STORE_URL: "memory://",
    ...modelServerEnv(model),
  });
  const bare = spawn(process.execPath, ["--import", "tsx", "test/bench/bare-bolt-app.ts"], {
    env: { ...process.env, SLACK_PORT: String(barePort), SLACK_SIGNING_SECRET: SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const urls = { bot: `http://127.0.0.1:${botPort}/slack/events`, bare: `http://127.0.0.1:${barePort}/slack/events` };
  try {
    await Promise.all([listening(urls.bot), listening(urls.bare)]);
    // Warm-up at full size: JIT, connection pools, the first turns' imports. A process's first burst
    // is slower than the rest (for the bot, mostly code its turns run for the first time); it is
    // printed on its own, so the steady state is what the ratio compares.
    const cold = {
      bare: await burst(urls.bare, standin, CONCURRENCY),
      bot: await burst(urls.bot, standin, CONCURRENCY),
    };
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    const samples = { bot: [] as number[], bare: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 === 0 ? (["bare", "bot"] as const) : (["bot", "bare"] as const)) {
        samples[which].push(...(await burst(urls[which], standin, CONCURRENCY)));
        // Let the bot's background turns (root posts, model calls) finish between rounds.
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    }
    const line = (which: "bot" | "bare") =>
      `${which}: p50 ${percentile(samples[which], 50).toFixed(1)} ms, p99 ${percentile(samples[which], 99).toFixed(1)} ms`;
    const ratio = (p: number) => percentile(samples.bot, p) / percentile(samples.bare, p);
    console.log(`ack latency, ${CONCURRENCY} concurrent /tailor × ${ROUNDS} rounds (HTTP mode)`);
    console.log(`  ${line("bare")}`);
    console.log(`  ${line("bot")}`);
    console.log(`  ratio bot/bare: p50 ${ratio(50).toFixed(2)}, p99 ${ratio(99).toFixed(2)}`);
    const coldLine = (which: "bot" | "bare") =>
      `${which} p50 ${percentile(cold[which], 50).toFixed(1)} ms, p99 ${percentile(cold[which], 99).toFixed(1)} ms`;
    console.log(`  first burst of each process (not in the figures above): ${coldLine("bare")}; ${coldLine("bot")}`);
  } finally {
    bare.kill("SIGTERM");
    await bot.stop();
    await model.close();
    await standin.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
