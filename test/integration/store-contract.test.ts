/**
 * One contract for every conversation store: memory, SQLite on a temp file, and Redis when REDIS_URL
 * is set. Stores are opened through the same backends createStore uses, so the tests can also reach
 * underneath (write garbage, plant a dead holder's lock) the way a crash or another program would.
 */

import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type KeyvRedis from "@keyv/redis";
import type KeyvSqlite from "@keyv/sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, ConversationKey } from "../../src/core/conversation.js";
import { newConversation } from "../../src/core/engine/conversation-state.js";
import type { TailorError } from "../../src/core/errors.js";
import type { ConversationStore } from "../../src/core/ports.js";
import { silentLogger } from "../../src/log/logger.js";
import { storeSettings } from "../../src/store/create-store.js";
import { KeyvConversationStore, type StoreSettings } from "../../src/store/keyv-conversation-store.js";
import { openStoreBackend } from "../../src/store/open-backend.js";
import type { StoreBackend } from "../../src/store/store-backend.js";
import { storeKeys } from "../../src/store/store-keys.js";
import { parseStoreUrl } from "../../src/store/store-url.js";

const runId = randomUUID().slice(0, 8);

interface Harness {
  /** Two stores opened on it see the same data (Redis): what several replicas would share. */
  shared: boolean;
  url(): string;
  keysWithPrefix(backend: StoreBackend, prefix: string): Promise<string[]>;
  setup?(): Promise<void>;
  cleanup(backend: StoreBackend): Promise<void>;
}

let sqliteDir = "";
const harnesses: Record<string, Harness> = {
  memory: {
    shared: false,
    url: () => "memory://",
    keysWithPrefix: async (backend, prefix) =>
      [...(backend.keyv.store as Map<string, unknown>).keys()].filter((k) => k.startsWith(prefix)),
    cleanup: async () => {},
  },
  sqlite: {
    shared: false,
    url: () => `sqlite://${join(sqliteDir, "store.sqlite")}`,
    setup: async () => {
      sqliteDir = await mkdtemp(join(tmpdir(), "pt-store-"));
    },
    keysWithPrefix: async (backend, prefix) => {
      const rows = (await (backend.keyv.store as KeyvSqlite).query("SELECT key FROM keyv WHERE substr(key, 1, ?) = ?", [
        prefix.length,
        prefix,
      ])) as { key: string }[];
      return rows.map((row) => row.key);
    },
    cleanup: async () => {
      await rm(sqliteDir, { recursive: true, force: true });
    },
  },
  redis: {
    shared: true,
    url: () => process.env.REDIS_URL ?? "",
    keysWithPrefix: (backend, prefix) => (backend.keyv.store as KeyvRedis<string>).client.keys(`${prefix}*`),
    cleanup: async (backend) => {
      const client = (backend.keyv.store as KeyvRedis<string>).client;
      const keys = await client.keys(`pt:*${runId}*`);
      if (keys.length > 0) await client.del(keys);
    },
  },
};

const kinds = Object.keys(harnesses).filter((kind) => kind !== "redis" || process.env.REDIS_URL);

describe.each(kinds)("conversation store contract: %s", (kind) => {
  const harness = harnesses[kind]!;
  const opened: { store: ConversationStore; backend: StoreBackend }[] = [];

  const open = async (overrides: Partial<StoreSettings> = {}) => {
    const backend = await openStoreBackend(parseStoreUrl(harness.url()), { timeoutMs: 2_000, logger: silentLogger });
    const store = new KeyvConversationStore(backend, { ...storeSettings({}), ...overrides }, silentLogger);
    opened.push({ store, backend });
    return { store, backend };
  };
  /** A second store on the same data when the kind is shared, else the same store. */
  const openPair = async (overrides: Partial<StoreSettings> = {}) => {
    const first = await open(overrides);
    const second = harness.shared ? await open(overrides) : first;
    return [first.store, second.store] as const;
  };

  beforeAll(async () => {
    await harness.setup?.();
  });
  afterAll(async () => {
    const first = opened[0];
    if (first) await harness.cleanup(first.backend).catch(() => {});
    for (const { store } of opened) await store.close();
    if (kind === "sqlite") await harness.cleanup(first!.backend);
  });

  it("loads what it saved, says missing for an unknown conversation, and forgets on delete", async () => {
    const { store } = await open();
    const key = newKey();
    const record = conversation(key, { intent: "a cover letter", refs: { question: "m-1" } });

    expect(await store.load(key)).toEqual({ status: "missing" });
    await store.save(record);
    expect(await store.load(key)).toEqual({ status: "found", conversation: record });

    await store.delete(key);
    expect(await store.load(key)).toEqual({ status: "missing" });
  });

  it("expires a conversation after its TTL, and each save starts the TTL again", async () => {
    const { store } = await open({ ttlMs: 1_000 });
    const key = newKey();
    await store.save(conversation(key));
    await wait(600);
    await store.save(conversation(key, { round: 1 }));
    await wait(600);
    // 1.2 s after the first save, 0.6 s after the second: still there.
    expect((await store.load(key)).status).toBe("found");
    await wait(1_200);
    expect(await store.load(key)).toEqual({ status: "missing" });
  });

  it("serializes concurrent turns on one conversation: no increment is lost", async () => {
    const stores = await openPair();
    const key = newKey();
    await stores[0].save(conversation(key));
    const turns = 12;

    await Promise.all(
      Array.from({ length: turns }, (_, i) =>
        stores[i % 2]!.withLock(key, async () => {
          const loaded = await stores[i % 2]!.load(key);
          if (loaded.status !== "found") throw new Error("conversation vanished");
          await wait(5); // a window in which an unlocked writer would interleave
          await stores[i % 2]!.save({ ...loaded.conversation, modelCalls: loaded.conversation.modelCalls + 1 });
        }),
      ),
    );

    const final = await stores[1].load(key);
    expect(final.status === "found" && final.conversation.modelCalls).toBe(turns);
  });

  it("releases the lock when a turn fails, and passes the turn's result or error through", async () => {
    const { store } = await open({ lockWaitMs: 1_000 });
    const key = newKey();
    await expect(store.withLock(key, async () => Promise.reject(new Error("model broke")))).rejects.toThrow(
      "model broke",
    );
    // With a 60 s lease and a 1 s wait, this only succeeds if the failed turn released the lock.
    expect(await store.withLock(key, async () => "next turn")).toBe("next turn");
  });

  it("takes over a lock whose holder died once its lease runs out", async () => {
    const { store, backend } = await open({ lockWaitMs: 10_000 });
    const key = newKey();
    // A holder that crashed right after taking the lock: nobody renews it.
    expect(await backend.leases.acquire(storeKeys.lock(key), "crashed-holder", 400, new AbortController().signal)).toBe(
      true,
    );
    expect(await store.withLock(key, async () => "taken over")).toBe("taken over");
  });

  it("gives up waiting for a busy lock with store.lock_timeout, and honours the caller's abort", async () => {
    const { store, backend } = await open({ lockWaitMs: 300 });
    const key = newKey();
    await backend.leases.acquire(storeKeys.lock(key), "busy-holder", 30_000, new AbortController().signal);

    const timedOut = await store.withLock(key, async () => "never").catch((error: TailorError) => error);
    expect(timedOut).toMatchObject({ code: "store.lock_timeout" });

    // Same backend, longer patience (not closed separately: it shares the first store's connection).
    const patient = new KeyvConversationStore(backend, { ...storeSettings({}), lockWaitMs: 30_000 }, silentLogger);
    const controller = new AbortController();
    const waiting = patient.withLock(key, async () => "never", controller.signal);
    setTimeout(() => controller.abort(new Error("user cancelled")), 100);
    await expect(waiting).rejects.toThrow("user cancelled");
  });

  it("a save fenced by the lock's lease reads back like any other, with its TTL", async () => {
    const { store } = await open();
    const key = newKey();
    await store.withLock(key, async (_signal, lease) => {
      await store.save(conversation(key, { round: 2 }), { fence: lease.token });
    });
    const loaded = await store.load(key);
    expect(loaded).toMatchObject({ status: "found", conversation: { round: 2 } });
  });

  it("refuses a save from a turn that lost its lease to another turn; the successor's record stands", async () => {
    const { store, backend } = await open({ lockWaitMs: 10_000 });
    const second = harness.shared ? (await open({ lockWaitMs: 10_000 })).store : store;
    const key = newKey();
    const lockKey = storeKeys.lock(key);
    await store.save(conversation(key, { round: 1 }));

    let staleToken = "";
    await store.withLock(key, async (_signal, lease) => {
      staleToken = lease.token;
      // The lease runs out under this turn (a stalled process, a long GC pause): it is gone.
      await backend.leases.release(lockKey, lease.token, new AbortController().signal);
      // Another turn (on another replica where the store is shared) takes the lock and saves.
      await second.withLock(key, async (_s, successor) => {
        expect(successor.token).not.toBe(lease.token);
        await second.save(conversation(key, { round: 3 }), { fence: successor.token });
      });
      // The first turn wakes up and saves its older state: refused, with a user-safe message.
      const refused = await store
        .save(conversation(key, { round: 2 }), { fence: lease.token })
        .catch((error: TailorError) => error);
      expect(refused).toMatchObject({ code: "store.lock_timeout" });
      expect((refused as TailorError).userMessage).toContain("Nothing you said is lost");
    });
    expect(await store.load(key)).toMatchObject({ status: "found", conversation: { round: 3 } });
    // Once the lock is free, a late save with the old token is refused all the same.
    await expect(store.save(conversation(key, { round: 4 }), { fence: staleToken })).rejects.toMatchObject({
      code: "store.lock_timeout",
    });
    expect(await store.load(key)).toMatchObject({ status: "found", conversation: { round: 3 } });
  });

  it("keeps a place's defaults without expiry, shared between replicas, until they are cleared", async () => {
    const [a, b] = await openPair({ ttlMs: 300 });
    const scope = `slack/T1/C-${Math.random().toString(36).slice(2)}`;
    expect(await a.loadDefaults(scope)).toEqual({});
    await a.saveDefaults(scope, { tone: "friendly", language: "German" });
    await wait(500); // longer than the conversations' TTL: defaults are settings, not conversations
    expect(await b.loadDefaults(scope)).toEqual({ tone: "friendly", language: "German" });
    await b.saveDefaults(scope, {});
    expect(await a.loadDefaults(scope)).toEqual({});
  });

  it("passes a stop request to the replica running the conversation's turn", async () => {
    const [a, b] = await openPair();
    const key = newKey();
    expect(await b.stopRequestedSince(key)).toBeUndefined();
    await a.requestStop(key, 1_700_000_000_000);
    expect(await b.stopRequestedSince(key)).toBe(1_700_000_000_000);
    expect(await b.stopRequestedSince(newKey())).toBeUndefined();
  });

  it("claims an event exactly once, even under concurrent deliveries", async () => {
    const stores = await openPair();
    const eventId = `evt-${runId}-${randomUUID()}`;
    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => stores[i % 2]!.claimEvent(eventId)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await stores[0].claimEvent(eventId)).toBe(false);
    expect(await stores[1].claimEvent(`evt-${runId}-${randomUUID()}`)).toBe(true);
  });

  it("forgets a claimed event after the dedupe TTL", async () => {
    const { store } = await open({ dedupeTtlMs: 300 });
    const eventId = `evt-${runId}-${randomUUID()}`;
    expect(await store.claimEvent(eventId)).toBe(true);
    await wait(500);
    expect(await store.claimEvent(eventId)).toBe(true);
  });

  it("moves a record that is not JSON aside and starts over", async () => {
    const { store, backend } = await open();
    const key = newKey();
    await backend.keyv.store.set(storeKeys.conversation(key), "{not json at all");

    const result = await store.load(key);
    expect(result).toMatchObject({ status: "reset" });

    const aside = await harness.keysWithPrefix(backend, asidePrefix(key));
    expect(aside).toHaveLength(1);
    expect(await backend.keyv.get(aside[0]!)).toMatchObject({ stored: "{not json at all" });
    expect(await store.load(key)).toEqual({ status: "missing" });
  });

  it("moves a record of the wrong shape aside, keeping it for inspection", async () => {
    const { store, backend } = await open();
    const key = newKey();
    const broken = { ...conversation(key), phase: "dancing", intent: 42 };
    await backend.keyv.store.set(storeKeys.conversation(key), JSON.stringify({ value: broken }));

    const result = await store.load(key);
    expect(result.status).toBe("reset");
    expect(result.status === "reset" && result.reason).toMatch(/phase|intent/);

    const aside = await harness.keysWithPrefix(backend, asidePrefix(key));
    expect(aside).toHaveLength(1);
    expect(await backend.keyv.get(aside[0]!)).toMatchObject({ stored: broken });
    expect(await store.load(key)).toEqual({ status: "missing" });
  });

  it("answers ping while open, and refuses every call once closed (close is idempotent)", async () => {
    const { store } = await open();
    await store.ping();
    await store.close();
    await store.close();
    await expect(store.load(newKey())).rejects.toMatchObject({ code: "store.unavailable" });
    await expect(store.ping()).rejects.toMatchObject({ code: "store.unavailable" });
  });

  it.runIf(harness.shared)("lets another replica take over the lock of a replica that went away", async () => {
    const { store: doomed } = await open({ lockLeaseMs: 600 });
    const { store: survivor } = await open({ lockWaitMs: 10_000 });
    const key = newKey();
    let holding!: () => void;
    const held = new Promise<void>((resolve) => {
      holding = resolve;
    });
    // The doomed replica takes the lock and never finishes its turn; then it disappears.
    void doomed
      .withLock(key, (signal) => {
        holding();
        return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
      })
      .catch(() => {});
    await held;
    await doomed.close();

    expect(await survivor.withLock(key, async () => "survivor's turn")).toBe("survivor's turn");
  });
});

function newKey(): ConversationKey {
  return { platform: "slack", workspace: `T${runId}`, channel: "C1", thread: randomUUID() };
}

function asidePrefix(key: ConversationKey): string {
  return storeKeys.corrupt(key, new Date(0)).replace(new Date(0).toISOString(), "");
}

function conversation(key: ConversationKey, patch: Partial<Conversation> = {}): Conversation {
  // The engine's own constructor, so a schema change cannot leave these records behind.
  return {
    ...newConversation(key, { id: "U1" }, "write a haiku about autumn", "2025-01-01T00:00:00.000Z"),
    owner: { id: "U1", name: "Ada" },
    phase: "asking",
    capabilities: [{ id: "tone", status: "pinned", value: "wistful", source: "intent" }],
    questions: [{ id: "q1", capability: "audience", text: "Who reads it?", options: ["kids", "poets"] }],
    ...patch,
  };
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
