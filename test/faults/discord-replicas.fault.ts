/**
 * Fault suite, Discord: two replicas on one Redis, both connected to the stand-in's gateway with the
 * same bot token, every dispatch delivered to both (as a gateway replay can) and replayed once more
 * later; then a replica killed (SIGKILL) at random points and restarted. Conversations open with a
 * mention in a guild channel and go on in their thread: a typed answer, an option clicked then a typed
 * answer, or an option clicked then Skip. Guarantees asserted: one thread per conversation, zero double
 * posts, zero lost turns, zero unhandled rejections; every conversation finishes with what its owner
 * said. Figures are printed; no wall-clock time is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlsOf, openQuestions } from "../fixtures/discord-standin/standin-views.js";
import { type DiscordStandin, startDiscordStandin } from "../fixtures/discord-standin/start-discord-standin.js";
import { callCounts, startModelServer } from "../fixtures/model-server.js";
import { hasRedisServer, type RedisServerHandle, startRedisServer } from "../fixtures/redis-server.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";
import {
  DiscordFleet,
  discordBotEnv,
  isOpenQuestions,
  isPromptStart,
  isQuestions,
  isRetryable,
  isWorking,
  type Mode,
  ThreadConversation,
} from "./discord-fleet.js";
import { killWhileConversing } from "./kill-schedule.js";
import { pool } from "./slack-fleet.js";

const CONVERSATIONS = Number(process.env.FAULT_DISCORD_CONVERSATIONS ?? 30);
const KILLS = Number(process.env.FAULT_DISCORD_KILLS ?? 6);
const MODES: Mode[] = ["typed", "button", "skip"];

describe.skipIf(!hasRedisServer())("fault suite: two Discord replicas sharing Redis", () => {
  let redis: RedisServerHandle;

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it(`${CONVERSATIONS} conversations, every gateway dispatch delivered to both replicas: one thread each, zero double posts, zero lost turns`, async () => {
    const standin = await startDiscordStandin();
    const model = await startModelServer();
    const fleet = new DiscordFleet(standin, discordBotEnv(standin, model, redis.url));
    try {
      await fleet.start(2);
      expect(standin.sessions()).toHaveLength(2);
      const conversations = Array.from(
        { length: CONVERSATIONS },
        (_, i) =>
          new ThreadConversation(
            standin,
            `a cold email to investor number ${i}`,
            `for angel investors, case ${i}`,
            MODES[i % MODES.length] as Mode,
          ),
      );
      const started = performance.now();
      const results = await pool(
        10,
        conversations.map((c) => () => c.run({ stallMs: 20_000, deadlineMs: 120_000 })),
      );
      const seconds = (performance.now() - started) / 1000;
      await standin.settle(500);

      const failed = results.filter((r) => r.status === "rejected");
      const threads = () => [...standin.world.channels.values()].filter((c) => c.type === 11);
      const inChannel = () => standin.world.messagesIn(standin.world.textChannelId).filter(fromBot(standin));
      const doubles = conversations.filter((c) => doublePosts(c) > 0);
      const lost = conversations.filter((c) => !c.promptCarries());
      const calls = callCounts(model);
      const skips = conversations.filter((c) => c.mode === "skip").length;
      const unhandled = unhandledIn(fleet.stderr());
      console.log(
        `[faults] discord duplicates: ${CONVERSATIONS} conversations × 2 replicas in ${seconds.toFixed(1)} s ` +
          `(${conversations.reduce((n, c) => n + c.said.length, 0)} thread messages, ${conversations.reduce((n, c) => n + c.clicks.length, 0)} clicks); ` +
          `threads ${threads().length}, double posts ${doubles.length}, lost turns ${lost.length}, ` +
          `unhandled rejections ${unhandled}, error lines ${errorLines(fleet.stderr())}, model calls ${JSON.stringify(calls)}`,
      );
      debug(fleet, [...doubles, ...lost]);
      expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
      expect(threads()).toHaveLength(CONVERSATIONS);
      expect(conversations.every((c) => c.mentions.length === 1 && standin.world.channels.has(c.thread))).toBe(true);
      expect(inChannel()).toEqual([]);
      expect(doubles.map((c) => c.thread)).toEqual([]);
      expect(lost.map((c) => c.thread)).toEqual([]);
      expect(conversations.every((c) => c.resent === 0 && c.retried === 0)).toBe(true);
      // Each event acted once: one analyse and one synthesize per conversation, one integrate unless skipped.
      expect(calls).toEqual({
        analyse: CONVERSATIONS,
        integrate: CONVERSATIONS - skips,
        synthesize: CONVERSATIONS,
      });

      // A gateway replay later: every mention, thread message and click delivered again, each to one
      // replica (alternating). Claimed already: nothing happens.
      const before = { messages: standin.world.messages.size, threads: threads().length, calls: callCounts(model) };
      const restBefore = standin.calls.length;
      conversations.forEach((c, i) => {
        const to = fleet.session(i % 2);
        for (const message of [...c.mentions, ...c.said]) standin.replayMessage(message, to);
        for (const click of c.clicks) standin.replayInteraction(click, to);
      });
      await standin.settle(1_000);
      console.log(
        `[faults] discord replays: ${conversations.reduce((n, c) => n + c.mentions.length + c.said.length + c.clicks.length, 0)} dispatches again → ` +
          `${standin.world.messages.size - before.messages} new messages, ${threads().length - before.threads} new threads, ` +
          `${standin.calls.length - restBefore} REST calls`,
      );
      expect(standin.world.messages.size).toBe(before.messages);
      expect(threads()).toHaveLength(before.threads);
      expect(callCounts(model)).toEqual(before.calls);

      // /tailor delivered to both replicas: claimed before the deferral, so one acknowledgement and one
      // thread each (a second acknowledgement would be refused by Discord with 40060).
      const commands = Array.from({ length: 10 }, (_, i) =>
        standin.slashCommand({ channelId: standin.world.textChannelId, intent: `a press release for launch ${i}` }),
      );
      const commandThreads = () => threads().filter((t) => t.name?.startsWith("a press release for launch "));
      await waitFor(() => commandThreads().length >= commands.length, { timeoutMs: 60_000, what: "command threads" });
      await standin.settle(1_000);
      const refused = standin.calls.filter((c) => c.status === 400 && /\/callback$/.test(c.path)).length;
      console.log(
        `[faults] discord duplicates: ${commands.length} /tailor × 2 replicas → ${commandThreads().length} threads, ` +
          `acknowledgements ${commands.map((c) => c.callbacks.length).join("")}, refused callbacks ${refused}`,
      );
      expect(commandThreads()).toHaveLength(commands.length);
      expect(commands.every((c) => c.callbacks.length === 1)).toBe(true);
      expect(refused).toBe(0);

      // "Answer in my own words" opens a modal: no turn, so nothing is claimed. Delivered to both
      // replicas, one modal opens; the other replica's modal is refused (40060). Figures only.
      await waitFor(() => commandThreads().every((t) => openQuestions(standin, t.id)), {
        timeoutMs: 60_000,
        what: "questions in the command threads",
      });
      const openRounds = commandThreads()
        .map((t) => openQuestions(standin, t.id))
        .filter((m) => m !== undefined)
        .slice(0, 5);
      const restBeforeModals = standin.calls.length;
      const modals = openRounds.flatMap((m) => {
        const own = controlsOf(m).find((c) => c.customId.startsWith("tailor:other:"));
        return own ? [standin.clickButton({ messageId: m.id, customId: own.customId })] : [];
      });
      await waitFor(() => modals.every((i) => i.callbacks.length > 0), { timeoutMs: 30_000, what: "modals" });
      await standin.settle(1_000);
      const modalRefusals = standin.calls
        .slice(restBeforeModals)
        .filter((c) => c.status === 400 && /\/callback$/.test(c.path)).length;
      console.log(
        `[faults] discord duplicates: ${modals.length} "own words" clicks × 2 replicas → modals opened ` +
          `${modals.filter((i) => i.callbacks[0]?.type === 9).length}, second acknowledgements refused ${modalRefusals}, ` +
          `error lines ${errorLines(fleet.stderr())}`,
      );
      expect(modals.every((i) => i.callbacks.length === 1 && i.callbacks[0]?.type === 9)).toBe(true);
      expect(unhandledIn(fleet.stderr())).toBe(0);
      expect(fleet.alive()).toBe(true);
    } finally {
      await fleet.stop();
      await model.close();
      await standin.close();
    }
  }, 600_000);

  it(`a replica killed (SIGKILL) ${KILLS} times at random points and restarted: every conversation resumes or offers retry, nothing said is lost`, async () => {
    const standin = await startDiscordStandin();
    // Slow enough that kills land while turns are in flight (between the saves around a model call).
    const model = await startModelServer({ delayMs: 300 });
    const fleet = new DiscordFleet(standin, discordBotEnv(standin, model, redis.url));
    try {
      await fleet.start(2);
      // Conversations keep starting until every kill has happened (and at least the target count ran).
      const target = Number(
        process.env.FAULT_DISCORD_KILL_CONVERSATIONS ?? Math.max(12, Math.round(CONVERSATIONS / 2)),
      );
      const started = performance.now();
      const { conversations, results, kills } = await killWhileConversing({
        fleet,
        kills: KILLS,
        target,
        workers: 6,
        maxGapMs: 1_500,
        start: (n) =>
          new ThreadConversation(
            standin,
            `a study plan for exam ${n}`,
            `for a night-shift nurse, case ${n}`,
            MODES[n % MODES.length] as Mode,
          ),
        run: (c) => c.run({ stallMs: 25_000, deadlineMs: 300_000 }),
      });
      const seconds = (performance.now() - started) / 1000;
      await standin.settle(500);

      const failed = results.filter((r) => r.status === "rejected");
      const lost = conversations.filter((c) => !c.promptCarries());
      const doubles = conversations.filter((c) => doublePosts(c) > 0);
      const leftovers = conversations.filter((c) => c.botMessages().some(isWorking));
      const restarted = conversations.filter((c) => c.mentions.length > 1);
      const emptyThreads = conversations.flatMap((c) =>
        c.mentions.filter((m) => m.id !== c.thread && standin.world.channels.has(m.id)),
      );
      const unhandled = unhandledIn(fleet.stderr());
      const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
      // Known product gaps (see the report of issue 13's Discord fault suite), counted, not asserted:
      // a round whose controls stay open beside the prompt, and a typed "retry" pinned as an answer.
      const openBesidePrompt = conversations.filter((c) => c.botMessages().some(isOpenQuestions));
      const retryAsAnswer = conversations.filter((c) => /^- retry$/m.test(c.promptText()));
      console.log(
        `[faults] discord kill -9: ${kills.length} kills over ${conversations.length} conversations in ${seconds.toFixed(1)} s; ` +
          `retried ${sum(conversations.map((c) => c.retried))} turns, step done again ${sum(conversations.map((c) => c.resent))} times, ` +
          `mentioned again ${restarted.length} (threads left behind ${emptyThreads.length}); ` +
          `finished ${conversations.length - failed.length}/${conversations.length}, lost ${lost.length}, ` +
          `double posts ${doubles.length}, working indicators left behind ${leftovers.length}, ` +
          `rounds left open beside the prompt ${openBesidePrompt.length}, "retry" taken as an answer ${retryAsAnswer.length}, ` +
          `unhandled rejections ${unhandled}`,
      );
      debug(fleet, [...lost, ...doubles, ...leftovers, ...restarted, ...openBesidePrompt, ...retryAsAnswer]);
      expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
      expect(lost.map((c) => c.thread)).toEqual([]);
      expect(kills.length).toBe(KILLS);
      expect(unhandled).toBe(0);
      expect(fleet.alive()).toBe(true);
    } finally {
      await fleet.stop();
      await model.close();
      await standin.close();
    }
  }, 900_000);
});

const fromBot = (standin: DiscordStandin) => (m: { author: { id?: unknown } }) => m.author.id === standin.world.bot.id;

const unhandledIn = (stderr: string) => (stderr.match(/unhandled rejection/gi) ?? []).length;
const errorLines = (stderr: string) =>
  stderr.split("\n").filter((line) => /"level":"error"|^\S+ ERROR /.test(line)).length;

/** More than one questions message for the first round, or more than one prompt v1, in a thread. */
function doublePosts(c: ThreadConversation): number {
  const messages = c.botMessages();
  const questions = messages.filter(isQuestions).length;
  const prompts = messages.filter(isPromptStart).length;
  return Math.max(0, questions - 1) + Math.max(0, prompts - 1);
}

function debug(fleet: DiscordFleet, conversations: ThreadConversation[]): void {
  if (!process.env.FAULT_DEBUG) return;
  for (const c of new Set(conversations))
    console.log(
      `[debug] ${c.thread} (${c.mode}, mentions ${c.mentions.length}, retry ${c.botMessages().some(isRetryable)}, said ${JSON.stringify(c.said.map((m) => m.content))}): ${c.describe()}\n${c.promptText()}`,
    );
  console.log(
    `[debug] stderr: ${fleet
      .stderr()
      .split("\n")
      .filter((line) => /error|unhandled/i.test(line))
      .slice(-20)
      .join("\n")}`,
  );
}
