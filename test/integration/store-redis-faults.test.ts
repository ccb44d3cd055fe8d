/**
 * The Redis store against a real redis-server this test starts, kills, freezes and restarts:
 * an outage surfaces as TailorError("store.*") within the deadline (never as "no conversation",
 * never as a hang), and the store heals when Redis comes back.
 */

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, ConversationKey } from "../../src/core/conversation.js";
import { newConversation } from "../../src/core/engine/conversation-state.js";
import { isTailorError } from "../../src/core/errors.js";
import type { ConversationStore } from "../../src/core/ports.js";
import { silentLogger } from "../../src/log/logger.js";
import { createStore } from "../../src/store/create-store.js";
import { hasRedisServer, type RedisServerHandle, startRedisServer } from "../fixtures/redis-server.js";

describe.skipIf(!hasRedisServer())("Redis store under faults", () => {
  let redis: RedisServerHandle;
  const stores: ConversationStore[] = [];
  const open = async (options: { lockLeaseMs?: number } = {}) => {
    const store = await createStore({ url: redis.url, timeoutMs: 500, logger: silentLogger, ...options });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    for (const store of stores) await store.close();
    await redis?.stop();
  });

  it("fails every call with a store error while Redis is dead, then works again after a restart", async () => {
    const store = await open();
    const key = newKey();
    await store.save(conversation(key));
    expect((await store.load(key)).status).toBe("found");

    await redis.kill();
    await expectStoreError(store.load(key));
    await expectStoreError(store.save(conversation(key)));
    await expectStoreError(store.claimEvent(`evt-${randomUUID()}`));
    await expectStoreError(store.delete(key));
    await expectStoreError(store.ping());
    await expectStoreError(store.withLock(key, async () => "must not run"));

    await redis.restart();
    await eventually(() => store.ping());
    await store.save(conversation(key, { round: 1 }));
    expect(await store.load(key)).toMatchObject({ status: "found", conversation: { round: 1 } });
  });

  it("times out instead of hanging when Redis stops answering", async () => {
    const store = await open();
    const key = newKey();
    await store.ping();

    await redis.freeze();
    try {
      await expect(store.load(key)).rejects.toMatchObject({ code: "store.timeout" });
      await expect(store.claimEvent(`evt-${randomUUID()}`)).rejects.toMatchObject({ code: "store.timeout" });
      await expect(store.save(conversation(key))).rejects.toMatchObject({ code: "store.timeout" });
    } finally {
      await redis.thaw();
    }
    await eventually(() => store.ping());
  });

  it("aborts a running turn when its lock lease cannot be renewed", async () => {
    const store = await open({ lockLeaseMs: 900 });
    const key = newKey();
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const turn = store.withLock(key, (signal) => {
      started();
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
    });
    await running;

    await redis.kill();
    await expect(turn).rejects.toMatchObject({ code: "store.lock_timeout" });
    await redis.restart();
    await eventually(() => store.ping());
  });

  it("starts while Redis is down and becomes ready once it is up", async () => {
    await redis.kill();
    const store = await open();
    await expectStoreError(store.ping());
    await expectStoreError(store.load(newKey()));

    await redis.restart();
    await eventually(() => store.ping());
    expect(await store.load(newKey())).toEqual({ status: "missing" });
  });
});

async function expectStoreError(call: Promise<unknown>): Promise<void> {
  const error = await call.then(
    (value) => new Error(`expected a store error, got ${JSON.stringify(value)}`),
    (error: unknown) => error,
  );
  expect(isTailorError(error) ? error.code : error).toMatch(/^store\.(unavailable|timeout)$/);
}

/** Retries until `check` succeeds (the client reconnects on its own schedule). */
async function eventually(check: () => Promise<unknown>, attempts = 100): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await check();
      return;
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function newKey(): ConversationKey {
  return { platform: "discord", workspace: "G1", channel: "C1", thread: randomUUID() };
}

function conversation(key: ConversationKey, patch: Partial<Conversation> = {}): Conversation {
  // The engine's own constructor, so a schema change cannot leave these records behind.
  return {
    ...newConversation(key, { id: "U1" }, "summarize a meeting", "2025-01-01T00:00:00.000Z"),
    capabilities: [],
    ...patch,
  };
}
