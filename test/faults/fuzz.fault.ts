/**
 * Fault suite: fuzzed payloads (malformed, oversized, wrong types, unknown ids) through Slack HTTP,
 * Slack Socket Mode and the Discord gateway, into real bot processes. Guarantees asserted: zero
 * crashes, zero unhandled rejections, memory flat, and each path still holds a conversation after.
 * The generator is seeded (FAULT_SEED) so a failure can be replayed.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../fixtures/bot-process.js";
import { type DiscordStandin, startDiscordStandin } from "../fixtures/discord-standin/start-discord-standin.js";
import { modelServerEnv, startModelServer } from "../fixtures/model-server.js";
import type { OpenAiStandin } from "../fixtures/openai-standin.js";
import { freePort } from "../fixtures/slack-standin/free-port.js";
import { sendSigned, signature } from "../fixtures/slack-standin/signed-request.js";
import { eventCallback, messageEvent } from "../fixtures/slack-standin/slack-payloads.js";
import { APP_TOKEN, BOT_TOKEN, SlackStandin } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";
import { listening, pool } from "./slack-fleet.js";

const TOTAL = Number(process.env.FAULT_FUZZ ?? 10_000);
const SEED = Number(process.env.FAULT_SEED ?? 13);
const SECRET = "fuzz-signing-secret";

/** mulberry32: small, seeded, good enough to pick shapes. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Fuzzer {
  private readonly random: () => number;
  constructor(seed: number) {
    this.random = rng(seed);
  }
  int(n: number): number {
    return Math.floor(this.random() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  string(): string {
    return this.pick([
      () => "",
      () => "x".repeat(this.pick([1, 100, 4_001, 40_001, 200_000])),
      () => "<!channel> <!here> <@U999> ```sql\nDROP TABLE x;```",
      () => "🙂".repeat(this.int(3000)),
      () => "\u0000\u202e\ud800",
      () => `tailor_answer_${this.int(9)}`,
      () => `tailor:answer:r${this.int(3)}q${this.int(4)}:${this.int(9)}`,
      () => this.pick(["skip", "retry", "new", "forget", "cancel", "help", "stop"]),
      () => String(this.int(1e9)),
    ])();
  }
  value(depth = 0): unknown {
    const kinds = depth > 3 ? 5 : 7;
    switch (this.int(kinds)) {
      case 0:
        return null;
      case 1:
        return this.chance(0.5);
      case 2:
        return this.pick([0, -1, 1e308, Number.MAX_SAFE_INTEGER, 0.5]);
      case 3:
      case 4:
        return this.string();
      case 5:
        return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: this.int(5) }, () => [this.string().slice(0, 20), this.value(depth + 1)]),
        );
    }
  }
  /** A plausible object with some fields dropped, some replaced by wrong types, some added. */
  mutate(shape: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(shape)) {
      if (this.chance(0.15)) continue;
      if (this.chance(0.2)) out[key] = this.value(1);
      else if (value && typeof value === "object" && !Array.isArray(value) && this.chance(0.5))
        out[key] = this.mutate(value as Record<string, unknown>);
      else out[key] = value;
    }
    if (this.chance(0.2)) out[this.string().slice(0, 12)] = this.value(1);
    return out;
  }
}

const rssKb = (pid: number | undefined): number => {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
};

describe("fault suite: fuzzed payloads", () => {
  let slack: SlackStandin;
  let discord: DiscordStandin;
  let model: OpenAiStandin;
  let httpBot: BotProcess;
  let socketBot: BotProcess;
  let httpPort = 0;

  beforeAll(async () => {
    slack = await SlackStandin.start({ echoBotMessages: false });
    discord = await startDiscordStandin();
    model = await startModelServer();
    httpPort = await freePort();
    const common = { STORE_URL: "memory://", ...modelServerEnv(model), SLACK_API_URL: slack.apiUrl, LOG_LEVEL: "warn" };
    // One process: Slack over HTTP and Discord; another: Slack Socket Mode.
    httpBot = startBot({
      ...common,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_PORT: String(httpPort),
      DISCORD_TOKEN: discord.token,
      DISCORD_API_URL: discord.apiUrl,
    });
    socketBot = startBot({ ...common, SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN });
    await waitFor(() => slack.connections >= 1 && discord.identifies.length >= 1, {
      timeoutMs: 180_000,
      what: "bots connected",
    });
    await listening(`http://127.0.0.1:${httpPort}/slack/events`);
  }, 240_000);

  afterAll(async () => {
    await httpBot?.stop();
    await socketBot?.stop();
    await model?.close();
    await discord?.close();
    await slack?.close();
  });

  it(`${TOTAL} payloads through Slack HTTP, Slack Socket Mode and the Discord gateway: no crash, no unhandled rejection, memory flat`, async () => {
    const fuzz = new Fuzzer(SEED);
    const third = Math.floor(TOTAL / 3);
    const url = `http://127.0.0.1:${httpPort}/slack/events`;
    const rss = { http: [] as number[], socket: [] as number[] };
    const sample = () => {
      rss.http.push(rssKb(httpBot.child.pid));
      rss.socket.push(rssKb(socketBot.child.pid));
    };
    const statuses = new Map<number, number>();
    const unanswered: string[] = [];

    // Slack over HTTP: signed bodies (some with a bad signature), events, commands and interactions.
    const httpTasks = Array.from({ length: third }, (_, i) => async () => {
      const kind = fuzz.int(5);
      let body: string;
      let type: "application/json" | "application/x-www-form-urlencoded" = "application/json";
      if (kind === 0) body = JSON.stringify(eventCallback(fuzz.mutate(messageEvent(slack, { text: fuzz.string() }))));
      else if (kind === 1) body = JSON.stringify(fuzz.value());
      else if (kind === 2) {
        type = "application/x-www-form-urlencoded";
        const fields = fuzz.mutate({
          command: "/tailor",
          text: fuzz.string(),
          user_id: "U1",
          channel_id: "C1",
          team_id: "T1",
          trigger_id: `t${i}`,
        });
        body = new URLSearchParams(
          Object.entries(fields).map(([k, v]): [string, string] => [k, typeof v === "string" ? v : JSON.stringify(v)]),
        ).toString();
      } else if (kind === 3) {
        type = "application/x-www-form-urlencoded";
        const payload = fuzz.mutate({
          type: "block_actions",
          user: { id: "U1" },
          team: { id: "T1" },
          channel: { id: "C1" },
          message: { ts: "1.1", thread_ts: "1.0", blocks: [] },
          actions: [
            {
              action_id: fuzz.string().slice(0, 40),
              block_id: fuzz.string().slice(0, 40),
              value: fuzz.string(),
              action_ts: "1",
            },
          ],
        });
        body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      } else body = fuzz.pick(["", "{", "not json", "\u0000".repeat(100), "x".repeat(300_000)]);
      const timestamp = Math.floor(Date.now() / 1000);
      const status = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": type,
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": fuzz.chance(0.1) ? "v0=00" : signature(SECRET, timestamp, body),
        },
        body,
        // A request the app never answers holds a socket: counted, not waited for.
        signal: AbortSignal.timeout(15_000),
      }).then(
        async (response) => {
          await response.arrayBuffer();
          return response.status;
        },
        (error: unknown) => ((error as Error).name === "TimeoutError" ? -1 : 0),
      );
      if (status === -1) unanswered.push(`kind ${kind}, ${body.length} chars: ${body.slice(0, 60)}`);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (i % 500 === 0) sample();
    });

    // Slack Socket Mode: raw frames, envelopes of every type with fuzzed payloads.
    const socketTasks = Array.from({ length: third }, (_, i) => async () => {
      const kind = fuzz.int(4);
      if (kind === 0)
        slack.sendRaw(fuzz.pick(["", "{", "null", "[]", JSON.stringify(fuzz.value()), "x".repeat(100_000)]));
      else {
        const type = fuzz.pick(["events_api", "interactive", "slash_commands", "unknown_type"]);
        const payload =
          type === "events_api"
            ? fuzz.mutate(
                eventCallback(
                  fuzz.mutate(messageEvent(slack, { text: fuzz.string(), channelType: "im", channel: "D0FUZZ" })),
                ),
              )
            : fuzz.value();
        slack.sendRaw(
          JSON.stringify(fuzz.mutate({ type, envelope_id: `fz-${i}`, payload, accepts_response_payload: true })),
        );
      }
      if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    });

    // Discord gateway: MESSAGE_CREATE and INTERACTION_CREATE with mutated fields, unknown dispatches.
    const world = discord.world;
    const discordTasks = Array.from({ length: TOTAL - 2 * third }, (_, i) => async () => {
      const kind = fuzz.int(3);
      const channel = fuzz.pick([world.textChannelId, "123", fuzz.string().slice(0, 20)]);
      if (kind === 0)
        discord.dispatch(
          "MESSAGE_CREATE",
          fuzz.mutate({
            id: String(9_000_000 + i),
            channel_id: channel,
            guild_id: world.guildId,
            author: world.userJson(world.owner),
            content: fuzz.string(),
            mentions: fuzz.chance(0.5) ? [world.userJson(world.bot)] : fuzz.value(),
            type: fuzz.pick([0, 19, 7, 999]),
            timestamp: new Date().toISOString(),
            channel_type: 0,
          }),
        );
      else if (kind === 1)
        discord.dispatch(
          "INTERACTION_CREATE",
          fuzz.mutate({
            id: String(8_000_000 + i),
            application_id: world.applicationId,
            type: fuzz.pick([2, 3, 5, 42]),
            token: `fuzz-${i}`,
            version: 1,
            channel_id: channel,
            guild_id: world.guildId,
            member: world.memberJson(world.owner),
            data: fuzz.mutate({
              name: "tailor",
              custom_id: fuzz.string().slice(0, 100),
              component_type: 2,
              options: fuzz.value(),
              values: fuzz.value(),
            }),
          }),
        );
      else discord.dispatch(fuzz.pick(["UNKNOWN_EVENT", "TYPING_START", "MESSAGE_UPDATE"]), fuzz.value());
      if (i % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    });

    sample();
    const started = performance.now();
    await Promise.all([pool(64, httpTasks), pool(1, socketTasks), pool(1, discordTasks)]);
    // Let in-flight work settle, then measure.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    sample();
    const seconds = (performance.now() - started) / 1000;

    // Each path still holds a conversation.
    const dm = messageEvent(slack, { text: "a haiku about resilience", channelType: "im", channel: "D0AFTER" });
    slack.sendEnvelope("events_api", eventCallback(dm));
    await waitFor(() => slack.thread("D0AFTER", String(dm.ts)).some((m) => m.bot_id), {
      timeoutMs: 60_000,
      what: "socket mode reply",
    });
    const httpDm = messageEvent(slack, { text: "a limerick about uptime", channelType: "im", channel: "D0HTTP" });
    await sendSigned(url, JSON.stringify(eventCallback(httpDm)), "application/json", { signingSecret: SECRET });
    await waitFor(() => slack.thread("D0HTTP", String(httpDm.ts)).some((m) => m.bot_id), {
      timeoutMs: 60_000,
      what: "HTTP mode reply",
    });
    const person = world.newUser("after-fuzz");
    const dmChannel = world.dmChannelFor(person);
    discord.postMessage({ channelId: dmChannel.id, author: person, content: "a toast for a retirement" });
    await waitFor(
      () => [...world.messages.values()].some((m) => m.channel_id === dmChannel.id && m.author.id === world.bot.id),
      {
        timeoutMs: 60_000,
        what: "discord reply",
      },
    );

    const stderr = httpBot.stderr() + socketBot.stderr();
    const unhandled = (stderr.match(/unhandled rejection/g) ?? []).length;
    if (process.env.FAULT_DEBUG) console.log(`[debug] unanswered: ${unanswered.slice(0, 5).join(" | ")}`);
    if (process.env.FAULT_DEBUG)
      console.log(
        `[debug] ${stderr
          .split("\n")
          .filter((line) => /unhandled|listener failed|failed"/i.test(line))
          .slice(0, 12)
          .join("\n")}`,
      );
    // Growth over the second half of the run (the first half grows the heap to its working size).
    const half = (samples: number[]) => samples[Math.floor((samples.length - 1) / 2)] ?? samples[0] ?? 0;
    const growth = {
      http: ((rss.http.at(-1) ?? 0) - half(rss.http)) / 1024,
      socket: ((rss.socket.at(-1) ?? 0) - half(rss.socket)) / 1024,
    };
    console.log(
      `[faults] fuzz: ${TOTAL} payloads (seed ${SEED}) in ${seconds.toFixed(1)} s; HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))} (-1: no answer in 15 s); ` +
        `crashes ${[httpBot, socketBot].filter((b) => b.child.exitCode !== null).length}, unhandled rejections ${unhandled}; ` +
        `RSS growth over the second half: HTTP+Discord ${growth.http.toFixed(1)} MiB, Socket Mode ${growth.socket.toFixed(1)} MiB`,
    );
    expect(httpBot.child.exitCode).toBeNull();
    expect(socketBot.child.exitCode).toBeNull();
    expect(unhandled).toBe(0);
    // Flat: what a few thousand dropped payloads leave behind is far below one model context.
    expect(growth.http).toBeLessThan(64);
    expect(growth.socket).toBeLessThan(64);
  }, 900_000);
});
