/**
 * Fault suite: two replicas on one Redis, every event delivered to both (as a Slack redelivery across
 * connections can), then a replica killed (SIGKILL) at random points and restarted. Guarantees
 * asserted: zero double posts, zero lost turns, every conversation finishes with what its user said.
 * Figures are printed; no wall-clock time is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callCounts, startModelServer } from "../fixtures/model-server.js";
import { hasRedisServer, type RedisServerHandle, startRedisServer } from "../fixtures/redis-server.js";
import { slashCommand } from "../fixtures/slack-standin/slack-payloads.js";
import { SlackStandin } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";
import { killWhileConversing } from "./kill-schedule.js";
import { botEnv, DmConversation, Fleet, isPrompt, pool, versionOf } from "./slack-fleet.js";

const CONVERSATIONS = Number(process.env.FAULT_CONVERSATIONS ?? 100);
const KILLS = Number(process.env.FAULT_KILLS ?? 20);

describe.skipIf(!hasRedisServer())("fault suite: two replicas sharing Redis", () => {
  let redis: RedisServerHandle;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it(`${CONVERSATIONS} conversations, each event delivered to both replicas: zero double posts, zero lost turns`, async () => {
    const standin = await SlackStandin.start();
    const model = await startModelServer();
    const fleet = new Fleet(standin, botEnv(standin, model, redis.url));
    try {
      await fleet.start(2);
      const conversations = Array.from(
        { length: CONVERSATIONS },
        (_, i) => new DmConversation(standin, `a cold email to investor number ${i}`, `for angel investors, case ${i}`),
      );
      const started = performance.now();
      const results = await pool(
        10,
        conversations.map((c) => () => c.run({ stallMs: 10_000, deadlineMs: 60_000 })),
      );
      const seconds = (performance.now() - started) / 1000;
      await standinQuiet(standin);

      const failed = results.filter((r) => r.status === "rejected");
      const doubles = conversations.filter((c) => doublePosts(c) > 0);
      const lost = conversations.filter((c) => !promptOf(c)?.text || !promptCarries(c));
      const calls = callCounts(model);
      console.log(
        `[faults] duplicates: ${CONVERSATIONS} conversations × 2 replicas in ${seconds.toFixed(1)} s; ` +
          `double posts ${doubles.length}, lost turns ${lost.length}, model calls ${JSON.stringify(calls)}`,
      );
      expect(failed).toEqual([]);
      expect(doubles.map((c) => c.channel)).toEqual([]);
      expect(lost.map((c) => c.channel)).toEqual([]);
      // Each event acted once: one analyse, one integrate, one synthesize per conversation.
      expect(calls).toEqual({ analyse: CONVERSATIONS, integrate: CONVERSATIONS, synthesize: CONVERSATIONS });
      expect(conversations.every((c) => c.resent === 0 && c.retried === 0)).toBe(true);

      // /tailor delivered to both replicas: claimed before the root message, so one root each.
      const channel = "C0FAULTS";
      const commands = Array.from({ length: 20 }, (_, i) =>
        slashCommand(standin, { text: `a press release for launch ${i}`, channel }),
      );
      for (const command of commands) standin.sendEnvelope("slash_commands", command, {}, "all");
      const roots = () => [...standin.messages.values()].filter((m) => m.channel === channel && !m.thread_ts);
      await waitFor(() => roots().length >= commands.length, { timeoutMs: 60_000, what: "root messages" });
      await standinQuiet(standin);
      console.log(
        `[faults] duplicates: ${commands.length} /tailor commands × 2 replicas → ${roots().length} root messages`,
      );
      expect(roots()).toHaveLength(commands.length);
      expect(fleet.alive()).toBe(true);
    } finally {
      await fleet.stop();
      await model.close();
      await standin.close();
    }
  }, 600_000);

  it(`a replica killed (SIGKILL) ${KILLS} times at random points and restarted: every conversation resumes or offers retry, nothing said is lost`, async () => {
    const standin = await SlackStandin.start();
    // Slow enough that kills land while turns are in flight (between the saves around a model call).
    const model = await startModelServer({ delayMs: 300 });
    const fleet = new Fleet(standin, botEnv(standin, model, redis.url));
    try {
      await fleet.start(2);
      // Conversations keep starting until every kill has happened (and at least the target count ran).
      const target = Number(process.env.FAULT_KILL_CONVERSATIONS ?? Math.max(20, Math.round(CONVERSATIONS / 2)));
      const { conversations, results, kills } = await killWhileConversing({
        fleet,
        kills: KILLS,
        target,
        workers: 8,
        maxGapMs: 1_200,
        start: (n) => new DmConversation(standin, `a study plan for exam ${n}`, `for a night-shift nurse, case ${n}`),
        run: (c) => c.run({ stallMs: 20_000, deadlineMs: 300_000 }),
      });
      await standinQuiet(standin);

      const failed = results.filter((r) => r.status === "rejected");
      const doubles = conversations.filter((c) => doublePosts(c) > 0);
      const lost = conversations.filter((c) => !promptCarries(c));
      const leftovers = conversations.filter((c) => c.botMessages().some((m) => /Working on it/.test(m.text)));
      console.log(
        `[faults] kill -9: ${kills.length} kills over ${conversations.length} conversations; ` +
          `retried ${sum(conversations.map((c) => c.retried))} turns, intent sent again ${sum(conversations.map((c) => c.resent))} times; ` +
          `finished ${conversations.length - failed.length}/${conversations.length}, lost ${lost.length}, ` +
          `double prompts ${doubles.length}, "working" placeholders left behind ${leftovers.length}`,
      );
      if (process.env.FAULT_DEBUG)
        for (const c of [...lost, ...leftovers])
          console.log(
            `[debug] lost ${c.channel}: ${JSON.stringify(standin.thread(c.channel, c.root).map((m) => `${m.bot_id ? "bot" : "user"}: ${m.text.slice(0, 80)} ${JSON.stringify(m.blocks).slice(0, 300)}`))}`,
          );
      expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
      expect(lost.map((c) => c.channel)).toEqual([]);
      expect(kills.length).toBe(KILLS);
      expect(fleet.alive()).toBe(true);
    } finally {
      await fleet.stop();
      await model.close();
      await standin.close();
    }
  }, 900_000);
});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

const promptOf = (c: DmConversation) => c.botMessages().find((m) => isPrompt(m) && versionOf(m) === 1);

/**
 * The prompt carries the user's typed answer: nothing they said was lost on the way. (Where the user
 * had said their intent again and that answered the questions first, the answer was never sent.)
 */
const promptCarries = (c: DmConversation) => {
  const prompt = promptOf(c);
  return prompt !== undefined && (!c.answerSent || JSON.stringify(prompt.blocks).includes(c.answer));
};

/** More than one questions message or prompt v1 in a thread is a double post. */
function doublePosts(c: DmConversation): number {
  const messages = c.botMessages();
  const questions = messages.filter((m) => JSON.stringify(m.blocks).includes("tailor_q:")).length;
  const closedRounds = messages.filter((m) =>
    /These questions are closed|Answered: thank you/.test(JSON.stringify(m.blocks)),
  );
  const prompts = messages.filter((m) => isPrompt(m) && versionOf(m) === 1).length;
  return Math.max(0, questions + closedRounds.length - 1) + Math.max(0, prompts - 1);
}

/** Lets the last posts and updates land before counting. */
async function standinQuiet(standin: SlackStandin): Promise<void> {
  let calls = -1;
  while (calls !== standin.calls.length) {
    calls = standin.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
