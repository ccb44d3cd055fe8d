import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { createStore } from "../../src/store/create-store.js";
import { parseStoreUrl } from "../../src/store/store-url.js";

describe("STORE_URL parsing", () => {
  it("accepts memory, relative and absolute SQLite paths, and Redis URLs", () => {
    expect(parseStoreUrl("memory://")).toEqual({ kind: "memory" });
    expect(parseStoreUrl("sqlite://./data/tailor.sqlite", "/srv/bot")).toEqual({
      kind: "sqlite",
      path: "/srv/bot/data/tailor.sqlite",
    });
    expect(parseStoreUrl("sqlite://data/x.sqlite", "/srv/bot")).toEqual({
      kind: "sqlite",
      path: "/srv/bot/data/x.sqlite",
    });
    expect(parseStoreUrl("sqlite:///var/lib/tailor.sqlite", "/srv/bot")).toEqual({
      kind: "sqlite",
      path: "/var/lib/tailor.sqlite",
    });
    expect(parseStoreUrl("redis://127.0.0.1:6379")).toMatchObject({ kind: "redis", url: "redis://127.0.0.1:6379" });
  });

  it("never shows a Redis password in what it logs", () => {
    const location = parseStoreUrl("redis://bot:s3cret-pass@redis.internal:6379/0");
    expect(location).toMatchObject({ kind: "redis", display: "redis://bot:[redacted]@redis.internal:6379/0" });
  });

  it("rejects an unknown scheme with config.invalid naming STORE_URL", () => {
    for (const url of ["postgres://db/tailor", "./data/tailor.sqlite", "", "sqlite://"]) {
      expect(() => parseStoreUrl(url)).toThrow(expect.objectContaining({ code: "config.invalid" }));
      expect(() => parseStoreUrl(url)).toThrow(/STORE_URL/);
    }
  });

  it("builds a working memory store from memory://", async () => {
    const store = await createStore({ url: "memory://", logger: silentLogger });
    const key = { platform: "terminal", workspace: "local", channel: "cli", thread: "main" } as const;
    await store.ping();
    expect(await store.load(key)).toEqual({ status: "missing" });
    expect(await store.claimEvent("evt-1")).toBe(true);
    await store.close();
  });

  it("rejects a non-positive store setting with config.invalid", async () => {
    await expect(createStore({ url: "memory://", ttlMs: 0, logger: silentLogger })).rejects.toMatchObject({
      code: "config.invalid",
    });
    await expect(createStore({ url: "memory://", timeoutMs: Number.NaN, logger: silentLogger })).rejects.toMatchObject({
      code: "config.invalid",
    });
  });
});
