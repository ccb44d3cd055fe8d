import { describe, expect, it } from "vitest";
import type { Conversation } from "../../src/core/conversation.js";
import { TailorError } from "../../src/core/errors.js";
import type { ConversationStore, LoadResult } from "../../src/core/ports.js";
import { silentLogger } from "../../src/log/logger.js";
import { createStore } from "../../src/store/create-store.js";
import { engineHarness, only } from "../fakes/engine-harness.js";
import { FakeModel } from "../fakes/fake-model.js";

const INTENT = "write a cold email to an investor about our seed round";

/** The real memory store, with faults a test switches on. */
async function faultyStore() {
  const real = await createStore({ url: "memory://", logger: silentLogger });
  const faults = { failSaves: 0, resetNextLoad: false };
  const store: ConversationStore = {
    load: async (key, signal): Promise<LoadResult> => {
      if (faults.resetNextLoad) {
        faults.resetNextLoad = false;
        await real.delete(key, signal);
        return { status: "reset", reason: "phase: invalid" };
      }
      return real.load(key, signal);
    },
    save: async (conversation: Conversation, signal) => {
      if (faults.failSaves > 0) {
        faults.failSaves -= 1;
        throw new TailorError("store.timeout", "SET timed out after 2000 ms on redis://10.0.0.7");
      }
      return real.save(conversation, signal);
    },
    delete: (key, signal) => real.delete(key, signal),
    withLock: (key, fn, signal) => real.withLock(key, fn, signal),
    claimEvent: (id, signal) => real.claimEvent(id, signal),
    ping: (signal) => real.ping(signal),
    close: () => real.close(),
  };
  return { store, faults };
}

describe("engine: failures keep what the user said", () => {
  it("a store error during a step is a user-safe error; the retry finishes it with the answer", async () => {
    const { store, faults } = await faultyStore();
    const { send, model, load } = await engineHarness({ store });
    await send({ kind: "start", text: INTENT });
    faults.failSaves = 1;
    const error = only(await send({ kind: "message", text: "angels, warm", mayStart: false }), "error");
    expect(error).toMatchObject({ code: "store.timeout", retry: true, step: "integrate" });
    expect(error.message).not.toContain("redis");
    expect(model.callsOf("integrate")).toHaveLength(0);
    expect((await load()).pending).toEqual(["angels, warm"]);
    only(await send({ kind: "retry" }), "prompt");
    expect(model.callsOf("integrate")[0]?.user).toContain("A: angels, warm");
  });

  it("a synthesize failure after integrate: a new message re-runs it with what it adds", async () => {
    const model = new FakeModel();
    const { send, load } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    model.failNext("synthesize", new TailorError("model.unavailable", "connect ECONNREFUSED 127.0.0.1:8000"));
    const error = only(await send({ kind: "message", text: "angels, warm", mayStart: false }), "error");
    expect(error).toMatchObject({ step: "synthesize", retry: true });
    expect(error.message).not.toContain("ECONNREFUSED");
    only(await send({ kind: "message", text: "and mention the deadline", mayStart: false }), "prompt");
    const synthesize = model.callsOf("synthesize").at(-1)!.user;
    expect(synthesize).toContain("A: angels, warm");
    expect(synthesize).toContain("User wrote: and mention the deadline");
    expect((await load()).modelCalls).toBe(3);
  });

  it("an analyse failure: a new message completes the intent and analyses again", async () => {
    const model = new FakeModel().failNext("analyse");
    const { send, load } = await engineHarness({ model });
    only(await send({ kind: "start", text: INTENT }), "error");
    only(await send({ kind: "message", text: "it is for a climate startup", mayStart: false }), "questions");
    expect(model.callsOf("analyse")[1]?.user).toContain(`${INTENT}\nit is for a climate startup`);
    expect((await load()).failedStep).toBeUndefined();
  });

  it("unreadable saved state: the user is told, and their next message is the new intent", async () => {
    const { store, faults } = await faultyStore();
    const { send } = await engineHarness({ store });
    await send({ kind: "start", text: INTENT });
    faults.resetNextLoad = true;
    const replies = await send({ kind: "message", text: "Investors", mayStart: false });
    expect(replies.map((r) => r.kind === "notice" && r.code)).toEqual(["reset", "new"]);
    only(await send({ kind: "message", text: "a vegan dinner recipe", mayStart: false }), "questions");
  });
});

describe("engine: ending and progress", () => {
  it("after cancel, the first plain message hears that it ended, later ones nothing", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    only(await send({ kind: "message", text: "CANCEL", mayStart: false }), "notice");
    expect(only(await send({ kind: "message", text: "hello?", mayStart: false }), "notice").code).toBe("ended");
    expect(await send({ kind: "message", text: "anyone?", mayStart: false })).toEqual([]);
    expect(model.calls).toHaveLength(1);
  });

  it("a message without a conversation is ignored unless it may start one", async () => {
    const { send, model } = await engineHarness();
    expect(await send({ kind: "message", text: "hi there", mayStart: false })).toEqual([]);
    only(await send({ kind: "message", text: INTENT, mayStart: true }), "questions");
    expect(model.calls).toHaveLength(1);
  });

  it("help lists the typed words and how answering works", async () => {
    const { send } = await engineHarness();
    const help = only(await send({ kind: "message", text: " Help ", mayStart: true }), "notice");
    for (const word of ["skip", "new", "forget", "cancel", "help", "own words"]) expect(help.text).toContain(word);
  });

  it("reports the queue position while the model is busy, then working", async () => {
    const model = new FakeModel({ queuePositions: [2, 1, 0] });
    const { send, progress } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    expect(progress).toEqual([
      { kind: "working", step: "analyse" },
      { kind: "queued", position: 2 },
      { kind: "queued", position: 1 },
    ]);
  });
});
