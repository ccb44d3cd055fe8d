import { describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import { engineHarness, KEY, OWNER, only } from "../fakes/engine-harness.js";
import { defaultAnalyse, FakeModel } from "../fakes/fake-model.js";
import { MemoryStore } from "../fakes/memory-store.js";

const INTENT = "write a cold email to an investor about our seed round";

describe("engine: failures keep what the user said", () => {
  it("a store error during a step is a user-safe error; the retry finishes it with the answer", async () => {
    const store = new MemoryStore();
    const { faults } = store;
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

  it("a save refused because the turn's lease passed to another holder is reported; retry resumes it", async () => {
    const store = new MemoryStore();
    const { send, model, load } = await engineHarness({ store });
    await send({ kind: "start", text: INTENT });
    // Every save of this turn is fenced by its lease: the next two (the step's, then the failure's) are refused.
    store.faults.staleLeases = 2;
    const error = only(await send({ kind: "message", text: "angels, warm", mayStart: false }), "error");
    expect(error).toMatchObject({ code: "store.lock_timeout", retry: true, visibility: "public" });
    expect(store.refusedSaves).toBe(2);
    expect(model.callsOf("integrate")).toHaveLength(0);
    // Nothing was written by the stale turn; the retry replays what the user said.
    expect((await load()).phase).toBe("asking");
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
    const store = new MemoryStore();
    const { send } = await engineHarness({ store });
    await send({ kind: "start", text: INTENT });
    store.faults.resetNextLoad = true;
    const replies = await send({ kind: "message", text: "Investors", mayStart: false });
    expect(replies.map((r) => r.kind === "notice" && r.code)).toEqual(["reset", "new"]);
    expect(store.movedAside).toHaveLength(1);
    only(await send({ kind: "message", text: "a vegan dinner recipe", mayStart: false }), "questions");
  });
});

describe("engine: unreadable state in a DM", () => {
  it("a message that may start a conversation starts one right after the reset notice", async () => {
    const store = new MemoryStore();
    const { send, model } = await engineHarness({ store });
    await send({ kind: "start", text: INTENT });
    store.faults.resetNextLoad = true;
    const replies = await send({ kind: "message", text: "a vegan dinner recipe", mayStart: true });
    expect(replies.map((r) => r.kind)).toEqual(["notice", "questions"]);
    expect(only(replies, "notice").code).toBe("reset");
    expect(model.callsOf("analyse")[1]?.user).toContain("<intent>\na vegan dinner recipe\n</intent>");
  });
});

describe("engine: the store fails before the turn is recorded", () => {
  it("a message the store could not load for is replayed by the retry control", async () => {
    const store = new MemoryStore();
    const { send, model, load } = await engineHarness({ store });
    await send({ kind: "start", text: INTENT });
    store.faults.failLoads = 1;
    const error = only(await send({ kind: "message", text: "angels, warm", mayStart: false }), "error");
    expect(error).toMatchObject({ code: "store.unavailable", retry: true });
    expect(error.message).not.toContain("ECONNREFUSED");
    only(await send({ kind: "retry" }), "prompt");
    expect(model.callsOf("integrate")[0]?.user).toContain("A: angels, warm");
    // Replayed once: a later retry has nothing left to do.
    expect(only(await send({ kind: "retry" }), "notice").code).toBe("nothing_to_retry");
    expect((await load()).modelCalls).toBe(3);
  });

  it("a start whose every save failed is replayed by retry", async () => {
    const store = new MemoryStore();
    const { send } = await engineHarness({ store });
    store.faults.failSaves = 2;
    only(await send({ kind: "start", text: INTENT }), "error");
    expect(store.peek({ platform: "slack", workspace: "T1", channel: "C1", thread: "100.1" })).toBeUndefined();
    only(await send({ kind: "retry" }), "questions");
  });

  it("a failed event claim is answered with a retryable error, and retry replays the event", async () => {
    const store = new MemoryStore();
    const { send } = await engineHarness({ store });
    store.faults.failClaims = 1;
    expect(only(await send({ kind: "start", text: INTENT }), "error").retry).toBe(true);
    only(await send({ kind: "retry" }), "questions");
  });

  it("someone else's retry does not replay the owner's event", async () => {
    const store = new MemoryStore();
    const { send, model } = await engineHarness({ store });
    store.faults.failLoads = 1;
    only(await send({ kind: "start", text: INTENT }), "error");
    expect(only(await send({ kind: "retry" }, { user: { id: "U-OTHER" } }), "notice").code).toBe("ended");
    expect(model.calls).toHaveLength(0);
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
      { kind: "working", step: "analyse", language: "en" },
      { kind: "queued", position: 2, language: "en" },
      { kind: "queued", position: 1, language: "en" },
    ]);
  });
});

describe("engine: retry typed as a message", () => {
  it("after a failure, a message saying retry re-runs the step without adding the word to it", async () => {
    const model = new FakeModel();
    const { send } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    model.failNext("synthesize");
    only(await send({ kind: "message", text: "shorter", mayStart: false }), "error");
    only(await send({ kind: "message", text: "Retry", mayStart: false }), "prompt");
    expect(model.callsOf("synthesize").at(-1)?.user).toContain("<request>\nshorter\n</request>");
  });

  it("with nothing failed, typed retry shows the last reply again (its replica may have died before showing it)", async () => {
    const model = new FakeModel();
    const { send } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    const again = await send({ kind: "message", text: "retry", mayStart: false });
    expect(again[0]).toMatchObject({ code: "nothing_to_retry", visibility: "private" });
    // Not taken as the answer to the questions: they are shown again, still open.
    expect(only(again, "questions").questions.every((q) => q.answer === undefined)).toBe(true);
    await send({ kind: "skip" });
    const calls = model.calls.length;
    const shown = await send({ kind: "message", text: "retry", mayStart: false });
    expect(only(shown, "prompt").version).toBe(1);
    expect(model.calls.length).toBe(calls);
  });
});

describe("engine: a turn aborted mid-call (shutdown)", () => {
  it("records the failed step even though the turn's signal is aborted; retry resumes it", async () => {
    const controller = new AbortController();
    const model = new FakeModel({
      analyse: () => {
        controller.abort();
        return new TailorError("model.aborted", "shutting down");
      },
    });
    const store = new MemoryStore();
    const { engine, send } = await engineHarness({ model, store });
    const replies = await engine.handle(
      { kind: "start", text: INTENT, eventId: "e-abort", key: KEY, user: OWNER, direct: false },
      { signal: controller.signal },
    );
    expect(only(replies, "error")).toMatchObject({ code: "model.aborted", retry: true, step: "analyse" });
    expect(store.peek(KEY)?.failedStep?.step).toBe("analyse");
    model.setResponder("analyse", defaultAnalyse);
    only(await send({ kind: "retry" }), "questions");
  });
});
