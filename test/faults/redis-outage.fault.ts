/**
 * Fault suite: Redis goes away for 10 s under 50 concurrent conversations, two ways: frozen (SIGSTOP:
 * sockets stay open, commands hang) and killed (SIGKILL: connections refused; it restarts from its
 * append-only file, as the docker-compose Redis does). Guarantees asserted: the bot stays up, every
 * user is told while Redis is away (a user-safe error with a retry button, not silence), and every
 * conversation completes after Redis returns, carrying what the user said. Figures are printed; no
 * wall-clock time is asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer } from "../fixtures/model-server.js";
import { hasRedisServer, type RedisServerHandle, startRedisServer } from "../fixtures/redis-server.js";
import { SlackStandin, type StoredMessage } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";
import {
  botEnv,
  DmConversation,
  Fleet,
  isOpenQuestions,
  isPrompt,
  isRetryable,
  percentile,
  pool,
  versionOf,
} from "./slack-fleet.js";

const CONCURRENT = Number(process.env.FAULT_OUTAGE_CONVERSATIONS ?? 50);
const OUTAGE_MS = 10_000;

const OUTAGES = {
  frozen: {
    persist: false,
    begin: (redis: RedisServerHandle) => redis.freeze(),
    end: (r: RedisServerHandle) => r.thaw(),
  },
  killed: {
    persist: true,
    begin: (redis: RedisServerHandle) => redis.kill(),
    end: (r: RedisServerHandle) => r.restart(),
  },
} as const;

describe.skipIf(!hasRedisServer()).each(Object.keys(OUTAGES) as (keyof typeof OUTAGES)[])(
  "fault suite: Redis %s",
  (mode) => {
    const outage = OUTAGES[mode];
    let redis: RedisServerHandle;

    beforeAll(async () => {
      redis = await startRedisServer({ persist: outage.persist });
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it(`Redis ${mode} for 10 s under ${CONCURRENT} conversations: no crash, users told while it is away, all complete after`, async () => {
      const standin = await SlackStandin.start();
      const model = await startModelServer();
      // One replica: the retry control replays an event the store could not record from the process
      // that kept it (a second replica would see "nothing to retry" and the user would say it again).
      const fleet = new Fleet(standin, botEnv(standin, model, redis.url));
      try {
        await fleet.start(1);
        const conversations = Array.from(
          { length: CONCURRENT },
          (_, i) =>
            new DmConversation(standin, `a grant proposal for project ${i}`, `for a city arts council, case ${i}`),
        );
        // Every conversation waits on its questions.
        await pool(
          10,
          conversations.map((c) => async () => {
            c.say(c.intent, true);
            await waitFor(() => c.botMessages().find(isOpenQuestions), { timeoutMs: 60_000, what: "questions" });
          }),
        );

        await outage.begin(redis);
        const frozenAt = performance.now();
        const sentAt = new Map<DmConversation, number>();
        for (const c of conversations) {
          sentAt.set(c, performance.now());
          c.answerSent = true;
          c.say(c.answer);
        }
        // Each user hears about it while Redis is still away.
        const toldAfter = new Map<DmConversation, number>();
        const errorOf = (c: DmConversation): StoredMessage | undefined => c.botMessages().find(isRetryable);
        await waitFor(
          () => {
            for (const c of conversations)
              if (!toldAfter.has(c) && errorOf(c)) toldAfter.set(c, performance.now() - (sentAt.get(c) ?? 0));
            return toldAfter.size === conversations.length;
          },
          { timeoutMs: OUTAGE_MS - 500, intervalMs: 50, what: "every user told" },
        ).catch(() => undefined);
        const toldWhileAway = toldAfter.size;
        const wait = OUTAGE_MS - (performance.now() - frozenAt);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await outage.end(redis);
        const aliveDuring = fleet.alive();

        // Redis is back: each user presses retry on the error, and again on a newer one (a click that
        // lands before the bot has reconnected is told the store is still away, as a person would see).
        let retries = 0;
        await pool(
          10,
          conversations.map((c) => async () => {
            let lastClick = Number.NEGATIVE_INFINITY;
            await waitFor(
              () => {
                const messages = c.botMessages();
                const prompt = messages.find((m) => isPrompt(m) && versionOf(m) === 1);
                if (prompt) return prompt;
                // A retry button still showing a while after the last click: the click was answered
                // by another error (or lost), so press it again.
                const error = messages.filter(isRetryable).at(-1);
                if (error && performance.now() - lastClick > 2_000) {
                  lastClick = performance.now();
                  retries += 1;
                  c.click(error, "tailor_retry");
                }
                return undefined;
              },
              { timeoutMs: 60_000, intervalMs: 250, what: `prompt of ${c.channel}` },
            );
          }),
        );
        const carried = conversations.filter((c) =>
          JSON.stringify(c.botMessages().find(isPrompt)?.blocks ?? "").includes(c.answer),
        );
        if (process.env.FAULT_DEBUG)
          for (const c of conversations.filter((c) => !carried.includes(c)))
            console.log(`[debug] ${c.channel}: ${JSON.stringify(c.botMessages().map((m) => m.text.slice(0, 160)))}`);
        const latencies = [...toldAfter.values()];
        console.log(
          `[faults] redis outage: ${CONCURRENT} conversations, Redis ${mode} ${OUTAGE_MS / 1000} s; ` +
            `told while away ${toldWhileAway}/${CONCURRENT} (p50 ${(percentile(latencies, 50) / 1000).toFixed(2)} s, ` +
            `max ${(Math.max(...latencies) / 1000).toFixed(2)} s); completed after ${carried.length}/${CONCURRENT} ` +
            `(${retries} retry clicks); ` +
            `unhandled rejections ${(fleet.stderr().match(/unhandled rejection/g) ?? []).length}`,
        );
        expect(aliveDuring).toBe(true);
        expect(toldWhileAway).toBe(CONCURRENT);
        expect(carried.length).toBe(CONCURRENT);
        expect(fleet.stderr()).not.toContain("unhandled rejection");
        expect(fleet.alive()).toBe(true);
      } finally {
        await fleet.stop();
        await model.close();
        await standin.close();
      }
    }, 600_000);
  },
);
