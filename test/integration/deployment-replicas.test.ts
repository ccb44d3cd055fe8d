/**
 * Two real bot processes (`node --import tsx src/main.ts`) share one Redis and one Slack workspace
 * (the stand-in), each with its own in-process tiny model.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotProcess, startBot } from "../fixtures/bot-process.js";
import { ensureFixtureModels } from "../fixtures/gguf/ensure-fixture-models.js";
import { eventCallback, messageEvent } from "../fixtures/slack-standin/slack-payloads.js";
import { APP_TOKEN, BOT_TOKEN, SlackStandin, type StoredMessage } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

const REDIS_URL = process.env.REDIS_URL;
const isPrompt = (m: StoredMessage) => m.blocks.some((b) => b.block_id === "tailor_prompt");
const versionOf = (m: StoredMessage) => Number(/v(\d+)/.exec(JSON.stringify(m.blocks))?.[1] ?? 0);

describe.skipIf(!REDIS_URL)("two replicas sharing Redis", () => {
  let standin: SlackStandin;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    standin = await SlackStandin.start();
    const { model } = await ensureFixtureModels();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: standin.apiUrl,
      STORE_URL: REDIS_URL ?? "",
      TAILOR_MODEL: model,
      TAILOR_TEMPERATURE: "1",
      TAILOR_SEED: "11",
      TAILOR_CONTEXT_SIZE: "16384",
    };
    bots.push(startBot(env), startBot(env));
    await waitFor(() => standin.connections >= 2, { timeoutMs: 60_000, what: "both replicas connected" });
  }, 90_000);

  afterAll(async () => {
    await Promise.all(bots.map((bot) => bot.stop()));
    await standin?.close();
  });

  it("answers an event delivered to both replicas once, and loses no turn when turns alternate", async () => {
    const channel = `D${randomUUID().slice(0, 8).toUpperCase()}`;
    const root = standin.nextTs();
    const say = (text: string, to: number | "all", ts = standin.nextTs()) =>
      standin.sendEnvelope(
        "events_api",
        eventCallback(
          messageEvent(standin, { text, channel, channelType: "im", ts, ...(ts === root ? {} : { threadTs: root }) }),
          `Ev${randomUUID()}`,
        ),
        {},
        to,
      );
    const botReplies = () => standin.thread(channel, root).filter((m) => m.bot_id);

    // The same delivery reaches both replicas (as a Slack retry across connections can).
    say("write a cold email to an investor about our seed round", "all", root);
    await waitFor(() => botReplies().some((m) => isPrompt(m) || /tailor_skip/.test(JSON.stringify(m.blocks))), {
      timeoutMs: 60_000,
      what: "the first reply",
    });
    if (!botReplies().some(isPrompt)) {
      say("skip", 0);
      await waitFor(() => botReplies().some(isPrompt), { timeoutMs: 60_000, what: "the first prompt" });
    }
    // Refinements alternate between the replicas; every one becomes the next version.
    say("make it shorter", 1);
    await waitFor(() => botReplies().filter(isPrompt).length >= 2, { timeoutMs: 60_000, what: "v2" });
    say("and friendlier", 0);
    await waitFor(() => botReplies().filter(isPrompt).length >= 3, { timeoutMs: 60_000, what: "v3" });

    const prompts = botReplies().filter(isPrompt);
    expect(prompts.map(versionOf)).toEqual([1, 2, 3]);
    // One conversation: no duplicate first reply, no leftover "working" placeholder.
    expect(botReplies().filter((m) => /Working on it/.test(m.text))).toEqual([]);
    expect(botReplies().filter((m) => versionOf(m) === 1)).toHaveLength(1);
  }, 120_000);
});
