/**
 * `npm run bench:ack`: acknowledgement latency of `/tailor` at 200 concurrent commands, the real bot
 * (HTTP mode, `node --import tsx src/main.ts`, instant model server, memory store) against a bare Bolt
 * app that only acks, measured in the same run, rounds alternating. Prints p50 and p99 of each and
 * the bot/bare ratio, after a full-size warm-up burst (whose figures are printed apart), then waits
 * for the bot's turns and prints how many threads got their answer. The requests are sent from a
 * process of their own (`ack-load.ts`), so the stand-in that the bot's turns call does not slow the
 * clock that times them. BENCH_CONCURRENCY, BENCH_ROUNDS and BENCH_PAUSE_MS (between bursts) change
 * the load; BENCH_NODE_ARGS passes Node options to both apps.
 */
import { type ChildProcess, fork, spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { listening } from "../faults/slack-fleet.js";
import { startBot } from "../fixtures/bot-process.js";
import { modelServerEnv, startModelServer } from "../fixtures/model-server.js";
import { freePort } from "../fixtures/slack-standin/free-port.js";
import { commandBody } from "../fixtures/slack-standin/signed-request.js";
import { slashCommand } from "../fixtures/slack-standin/slack-payloads.js";
import { BOT_TOKEN, SlackStandin } from "../fixtures/slack-standin/slack-standin.js";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECRET = "bench-signing-secret";
/** Between bursts (the bot's turns of the last burst go on meanwhile). */
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 5_000);
/** Node options for both apps, such as `--cpu-prof` (which NODE_OPTIONS refuses). */
const NODE_ARGS = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Sends one burst through the load process and returns each request's latency. */
function burst(load: ChildProcess, url: string, standin: SlackStandin, count: number): Promise<number[]> {
  const bodies = Array.from({ length: count }, () =>
    commandBody(slashCommand(standin, { text: "write a cold email to an investor about our seed round" })),
  );
  return new Promise((resolve, reject) => {
    load.once("message", (answer: { latencies?: number[]; error?: string }) =>
      answer.latencies ? resolve(answer.latencies) : reject(new Error(answer.error)),
    );
    load.send({ url, secret: SECRET, bodies });
  });
}

/** Waits until the stand-in has had no call for `quietMs`; returns when its last call came. */
async function settled(standin: SlackStandin, quietMs = 2_000): Promise<number> {
  const lastAt = () => standin.calls.at(-1)?.at ?? 0;
  while (performance.now() - lastAt() < quietMs) await sleep(100);
  return lastAt();
}

/** How many of the bot's `/tailor` root messages have a reply in their thread. */
function answeredThreads(standin: SlackStandin): { roots: number; answered: number } {
  const messages = [...standin.messages.values()];
  const roots = messages.filter((m) => m.bot_id && !m.thread_ts);
  const replied = new Set(messages.flatMap((m) => (m.thread_ts && m.thread_ts !== m.ts ? [m.thread_ts] : [])));
  return { roots: roots.length, answered: roots.filter((root) => replied.has(root.ts)).length };
}

async function main(): Promise<void> {
  const standin = await SlackStandin.start({ echoBotMessages: false });
  const model = await startModelServer();
  const [botPort, barePort] = [await freePort(), await freePort()];
  const bot = startBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_PORT: String(botPort),
      SLACK_API_URL: standin.apiUrl,
      STORE_URL: "memory://",
      ...modelServerEnv(model),
    },
    { nodeArgs: NODE_ARGS },
  );
  const bare = spawn(process.execPath, [...NODE_ARGS, "--import", "tsx", "test/bench/bare-bolt-app.ts"], {
    env: { ...process.env, SLACK_PORT: String(barePort), SLACK_SIGNING_SECRET: SECRET },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const load = fork("test/bench/ack-load.ts", [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
  const urls = { bot: `http://127.0.0.1:${botPort}/slack/events`, bare: `http://127.0.0.1:${barePort}/slack/events` };
  try {
    await Promise.all([listening(urls.bot), listening(urls.bare)]);
    // Warm-up at full size: JIT, connection pools, the first turns' imports. A process's first burst
    // is slower than the rest (for the bot, mostly code its turns run for the first time); it is
    // printed on its own, so the steady state is what the ratio compares.
    const cold = {
      bare: await burst(load, urls.bare, standin, CONCURRENCY),
      bot: await burst(load, urls.bot, standin, CONCURRENCY),
    };
    await sleep(PAUSE_MS);
    const samples = { bot: [] as number[], bare: [] as number[] };
    const rounds = { bot: [] as string[], bare: [] as string[] };
    let lastBotBurst = 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const which of round % 2 === 0 ? (["bare", "bot"] as const) : (["bot", "bare"] as const)) {
        const latencies = await burst(load, urls[which], standin, CONCURRENCY);
        if (which === "bot") lastBotBurst = performance.now();
        samples[which].push(...latencies);
        rounds[which].push(percentile(latencies, 99).toFixed(0));
        // The bot's turns of one burst (root posts, model calls) go on in the background meanwhile.
        await sleep(PAUSE_MS);
      }
    }
    const line = (which: "bot" | "bare") =>
      `${which}: p50 ${percentile(samples[which], 50).toFixed(1)} ms, p99 ${percentile(samples[which], 99).toFixed(1)} ms` +
      ` (p99 per round: ${rounds[which].join(", ")})`;
    const ratio = (p: number) => percentile(samples.bot, p) / percentile(samples.bare, p);
    console.log(`ack latency, ${CONCURRENCY} concurrent /tailor × ${ROUNDS} rounds (HTTP mode)`);
    console.log(`  ${line("bare")}`);
    console.log(`  ${line("bot")}`);
    console.log(`  ratio bot/bare: p50 ${ratio(50).toFixed(2)}, p99 ${ratio(99).toFixed(2)}`);
    const coldLine = (which: "bot" | "bare") =>
      `${which} p50 ${percentile(cold[which], 50).toFixed(1)} ms, p99 ${percentile(cold[which], 99).toFixed(1)} ms`;
    console.log(`  first burst of each process (not in the figures above): ${coldLine("bare")}; ${coldLine("bot")}`);
    // The turns behind the acknowledgements: every command gets its thread's first reply.
    const lastCall = await settled(standin);
    const { roots, answered } = answeredThreads(standin);
    console.log(
      `  turns: ${answered} of ${roots} /tailor threads answered; the bot's last Slack call ` +
        `${((lastCall - lastBotBurst) / 1000).toFixed(1)} s after its last burst`,
    );
  } finally {
    load.kill("SIGTERM");
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
