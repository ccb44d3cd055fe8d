/**
 * The SQLite store on real files: relative paths, created folders, restarts, retention.
 */
import { randomUUID } from "node:crypto";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Conversation, ConversationKey } from "../../src/core/conversation.js";
import { silentLogger } from "../../src/log/logger.js";
import { createStore } from "../../src/store/create-store.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "pt-sqlite-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("SQLite conversation store", () => {
  it("creates missing folders for a relative path and loses nothing across a restart", async () => {
    const file = join(dir, "nested", "data", "tailor.sqlite");
    const url = `sqlite://./${relative(process.cwd(), file)}`;
    const key = newKey();
    const record = conversation(key);

    const first = await createStore({ url, logger: silentLogger });
    await first.save(record);
    expect(await first.claimEvent("evt-1")).toBe(true);
    await first.close();

    const second = await createStore({ url: `sqlite://${file}`, logger: silentLogger });
    try {
      expect(await second.load(key)).toEqual({ status: "found", conversation: record });
    } finally {
      await second.close();
    }
  });

  it("fails at start-up with store.unavailable when the file cannot be opened", async () => {
    const folder = join(dir, "a-folder.sqlite");
    await mkdir(folder, { recursive: true });
    await expect(createStore({ url: `sqlite://${folder}`, logger: silentLogger })).rejects.toMatchObject({
      code: "store.unavailable",
    });
  });

  it("removes expired conversations from the file, not only from view", async () => {
    const file = join(dir, "retention.sqlite");
    const store = await createStore({ url: `sqlite://${file}`, ttlMs: 200, logger: silentLogger });
    await store.save(conversation(newKey()));
    await store.close();
    await new Promise((resolve) => setTimeout(resolve, 400));

    // Opening sweeps what has expired.
    await (await createStore({ url: `sqlite://${file}`, logger: silentLogger })).close();
    const raw = new KeyvSqlite({ uri: `sqlite://${file}` });
    try {
      expect(await raw.query("SELECT key FROM keyv")).toEqual([]);
    } finally {
      await raw.disconnect();
    }
  });
});

function newKey(): ConversationKey {
  return { platform: "terminal", workspace: "local", channel: "cli", thread: randomUUID() };
}

function conversation(key: ConversationKey): Conversation {
  const at = "2025-01-01T00:00:00.000Z";
  return {
    schemaVersion: 1,
    key,
    owner: { id: "me" },
    intent: "plan a trip",
    phase: "done",
    capabilities: [],
    questions: [],
    round: 1,
    pending: [],
    versions: [{ version: 1, text: "You are a travel planner.", assumptions: [], repaired: [], createdAt: at }],
    modelCalls: 3,
    modelRetries: 0,
    refs: {},
    createdAt: at,
    updatedAt: at,
  };
}
