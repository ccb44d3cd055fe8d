import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/engine/create-engine.js";
import type { DefaultsRequest, InboundEvent } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";
import { engineHarness, KEY, OWNER, only } from "../fakes/engine-harness.js";
import { fakeCapabilities, fakeRetriever } from "../fakes/fake-library.js";
import { FakeModel, untilAborted } from "../fakes/fake-model.js";
import { MemoryStore } from "../fakes/memory-store.js";

const INTENT = "write a cold email to an investor about our seed round";
const OTHER = { id: "U-OTHER" };

/** Waits until `check` holds (the engine works asynchronously behind a pending turn). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  if (!check()) throw new Error("condition never held");
}

describe("engine: streaming the prompt", () => {
  it("sends growing drafts of the prompt while synthesize runs, then the final prompt", async () => {
    const { send, drafts } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    const prompt = only(await send({ kind: "skip" }), "prompt");
    expect(drafts.length).toBeGreaterThan(3);
    expect(drafts.every((d) => d.version === 1)).toBe(true);
    for (let i = 1; i < drafts.length; i += 1) expect(drafts[i]?.text.startsWith(drafts[i - 1]?.text ?? "")).toBe(true);
    // The last draft is the model's prompt; the final reply adds the user's own words after it.
    expect(prompt.text.startsWith(drafts.at(-1)?.text ?? "x")).toBe(true);
  });

  it("does not stream the analyse and integrate calls (they are not the prompt)", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    await send({ kind: "message", text: "for angel investors, upbeat", mayStart: false });
    const streamed = (call: "analyse" | "integrate" | "synthesize") =>
      model.callsOf(call).map((c) => Boolean(c.onText));
    expect(streamed("analyse")).toEqual([false]);
    expect(streamed("integrate")).toEqual([false]);
    expect(streamed("synthesize")).toEqual([true]);
  });
});

describe("engine: the Stop control", () => {
  it("stops the running model call for its owner; the step is kept and retry runs it", async () => {
    const model = new FakeModel();
    const { send, load } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    model.setResponder("synthesize", untilAborted);
    const running = send({ kind: "skip" });
    await until(() => model.callsOf("synthesize").length === 1);
    // Someone else cannot stop it; the owner can, without waiting for the turn.
    expect(await send({ kind: "stop" }, { user: OTHER })).toEqual([
      expect.objectContaining({ kind: "notice", code: "not_owner", visibility: "private" }),
    ]);
    expect(await send({ kind: "stop" })).toEqual([]);
    const stopped = only(await running, "error");
    expect(stopped).toMatchObject({ code: "model.stopped", retry: true, step: "synthesize" });
    expect(stopped.message).toMatch(/^Stopped\./);
    expect((await load()).failedStep?.step).toBe("synthesize");
    model.setResponder("synthesize", (await import("../fakes/fake-model.js")).defaultSynthesize);
    expect(only(await send({ kind: "retry" }), "prompt").version).toBe(1);
  });

  it("`stop` typed as a whole message stops the call too; with nothing running it says so privately", async () => {
    const model = new FakeModel();
    const { send } = await engineHarness({ model });
    expect(await send({ kind: "message", text: "stop", mayStart: true })).toEqual([
      expect.objectContaining({ code: "nothing_to_stop", visibility: "private" }),
    ]);
    model.setResponder("analyse", untilAborted);
    const running = send({ kind: "start", text: INTENT });
    await until(() => model.callsOf("analyse").length === 1);
    expect(await send({ kind: "message", text: "Stop", mayStart: false })).toEqual([]);
    expect(only(await running, "error").code).toBe("model.stopped");
  });

  it("a stop on another replica reaches the turn through the shared store", async () => {
    const store = new MemoryStore();
    const model = new FakeModel();
    let time = Date.parse("2026-11-24T10:00:00Z");
    const replica = () =>
      createEngine({
        store,
        model,
        retriever: fakeRetriever,
        capabilities: fakeCapabilities,
        clock: { now: () => (time += 10) },
        logger: silentLogger,
      });
    const [a, b] = [replica(), replica()];
    const event = (eventId: string, body: Record<string, unknown>): InboundEvent =>
      ({ eventId, key: KEY, user: OWNER, direct: false, ...body }) as InboundEvent;
    model.setResponder("analyse", untilAborted);
    const running = a.handle(event("e1", { kind: "start", text: INTENT }));
    await until(() => model.callsOf("analyse").length === 1);
    expect(await b.handle(event("e2", { kind: "stop" }))).toEqual([]);
    expect(only(await running, "error").code).toBe("model.stopped");
  });
});

describe("engine: versions", () => {
  it("a refinement shows what changed line by line and marks the capabilities it changed", async () => {
    const { send } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    const [audience] = only(await send({ kind: "skip" }), "prompt").checklist;
    expect(audience?.changed).toBeUndefined();
    const v1 = only(await send({ kind: "message", text: "x", mayStart: false }), "prompt");
    expect(v1.version).toBe(2);
    expect(v1.changes).toContainEqual({ op: "added", text: "- Refined: x" });
    expect(v1.changes?.every((c) => c.op === "added" || c.op === "removed")).toBe(true);
  });

  it("a slot edit pins the value and writes the next version without typing", async () => {
    const { send, model, load } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    expect(await send({ kind: "slot", capability: "tone", value: "Warm" })).toEqual([
      expect.objectContaining({ code: "no_prompt_yet", visibility: "private" }),
    ]);
    await send({ kind: "skip" });
    const v2 = only(await send({ kind: "slot", capability: "tone", value: "Warm" }), "prompt");
    expect(v2.version).toBe(2);
    expect(v2.request).toBe("Set Tone to: Warm");
    expect(v2.checklist).toContainEqual(
      expect.objectContaining({ capability: "tone", label: "Tone", status: "pinned", value: "Warm", changed: true }),
    );
    expect(v2.checklist.find((c) => c.capability === "audience")?.changed).toBeUndefined();
    expect(v2.checklist.find((c) => c.capability === "tone")?.options).toEqual(["Formal", "Friendly"]);
    expect(model.callsOf("synthesize").at(-1)?.user).toContain("Set Tone to: Warm");
    expect((await load()).versions).toHaveLength(2);
  });

  it("someone else's slot edit changes nothing", async () => {
    const { send, load } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    expect(await send({ kind: "slot", capability: "tone", value: "Warm" }, { user: OTHER })).toEqual([
      expect.objectContaining({ code: "not_owner", visibility: "private" }),
    ]);
    expect((await load()).versions).toHaveLength(1);
  });
});

describe("engine: channel defaults", () => {
  let sent = 0;
  const nextId = () => {
    sent += 1;
    return `defaults-${sent}`;
  };
  const request = (text: string, canManage = true, user = OWNER): DefaultsRequest => ({
    eventId: nextId(),
    place: { platform: KEY.platform, workspace: KEY.workspace, channel: KEY.channel },
    user,
    text,
    canManage,
  });

  it("a redelivered defaults command acts once", async () => {
    const { engine } = await engineHarness();
    const once = request("set tone=friendly");
    expect(await engine.defaults(once)).toHaveLength(1);
    expect(await engine.defaults(once)).toEqual([]);
  });

  it("shows, sets and clears a channel's defaults; only managers may change them", async () => {
    const { engine } = await engineHarness();
    expect((await engine.defaults(request("")))[0]).toMatchObject({ code: "defaults", visibility: "private" });
    expect((await engine.defaults(request("")))[0]).toMatchObject({ text: expect.stringMatching(/No defaults/) });
    expect(await engine.defaults(request("set tone=friendly", false, OTHER))).toEqual([
      expect.objectContaining({ code: "defaults_not_allowed", visibility: "private" }),
    ]);
    const set = await engine.defaults(request("set Tone = friendly; audience: new hires in sales"));
    expect(set[0]?.kind === "notice" && set[0].text).toBe(
      "Defaults saved. New conversations here start with: Tone: friendly; Audience: new hires in sales",
    );
    const shown = await engine.defaults(request("show"));
    expect(shown[0]?.kind === "notice" && shown[0].text).toContain("Tone: friendly; Audience: new hires in sales");
    const bad = await engine.defaults(request("set colour=blue"));
    expect(bad[0]).toMatchObject({ code: "defaults_usage", text: expect.stringContaining('unknown setting "colour"') });
    await engine.defaults(request("clear tone"));
    const after = await engine.defaults(request("show "));
    expect(after[0]?.kind === "notice" && after[0].text).not.toContain("Tone");
    expect((await engine.defaults(request("clear")))[0]).toMatchObject({ text: expect.stringMatching(/removed/) });
  });

  it("a new conversation starts with the defaults as assumptions, is not asked about them, and can correct them", async () => {
    const { engine, send, load } = await engineHarness();
    await engine.defaults(request("set tone=friendly"));
    const round = only(await send({ kind: "start", text: INTENT }), "questions");
    expect(round.questions.map((q) => q.capability)).toEqual(["audience"]);
    expect((await load()).capabilities).toContainEqual({
      id: "tone",
      status: "assumed",
      value: "friendly",
      source: "default",
    });
    const prompt = only(await send({ kind: "skip" }), "prompt");
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "tone", status: "assumed", value: "friendly", source: "default" }),
    );
    const v2 = only(await send({ kind: "slot", capability: "tone", value: "Formal" }), "prompt");
    expect(v2.checklist.filter((c) => c.capability === "tone")).toEqual([
      expect.objectContaining({ status: "pinned", value: "Formal" }),
    ]);
  });

  it("defaults belong to a channel or server, not to DMs", async () => {
    const { engine } = await engineHarness();
    const dm = await engine.defaults({
      ...request("set tone=warm"),
      place: { platform: "discord", workspace: "@dm", channel: "55" },
    });
    expect(dm[0]).toMatchObject({ code: "defaults_usage", text: expect.stringMatching(/belong to a channel/) });
  });
});

describe("engine: answering a round in one form", () => {
  it("option texts from a form are control answers: pinned, and straight to the prompt (2 calls)", async () => {
    const { send, model, load } = await engineHarness();
    const [audience, tone] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    const prompt = only(
      await send({ kind: "answers", answers: { [audience?.id ?? ""]: "Investors", [tone?.id ?? ""]: "Warm" } }),
      "prompt",
    );
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "tone", status: "pinned", value: "Warm" }),
    );
    expect((await load()).questions.map((q) => q.answeredBy)).toEqual(["option", "option"]);
  });

  it("free text in the form next to an option goes through integrate", async () => {
    const { send, model } = await engineHarness();
    const [audience, tone] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    only(
      await send({
        kind: "answers",
        answers: { [audience?.id ?? ""]: "Investors", [tone?.id ?? ""]: "calm and sure" },
      }),
      "prompt",
    );
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "integrate", "synthesize"]);
  });
});

describe("engine: a turn cut off by a restart", () => {
  it("an integrate cut off before its round was closed: the next turn closes the round, and words sent again count once", async () => {
    const { send, store, load, model } = await engineHarness();
    const [audience] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    // What a replica killed inside integrate leaves: the answer recorded, the round's message still live.
    const cut = await load();
    cut.phase = "integrating";
    for (const q of cut.questions) {
      q.answer = "for angel investors";
      q.answeredBy = "text";
    }
    cut.pending = ["for angel investors"];
    cut.refs = { questions: "msg-1", questionsRound: "1" };
    await store.save(cut);

    const replies = await send({ kind: "message", text: "for angel investors", mayStart: false });
    const [closed] = replies;
    expect(closed).toMatchObject({ kind: "questions", closed: true, closesRound: true });
    expect(closed?.kind === "questions" && closed.questions[0]).toMatchObject({
      id: audience?.id,
      answer: "for angel investors",
    });
    only(replies, "prompt");
    expect(model.callsOf("integrate")).toHaveLength(1);
    expect((await load()).pending).toEqual([]);
  });

  it("a skip whose prompt was saved but not shown: the retry shows the prompt and closes the round", async () => {
    const { send, store, load } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    only(await send({ kind: "skip" }), "prompt");
    // What a replica killed between saving v1 and delivering it leaves: the round's message still named.
    const cut = await load();
    cut.refs = { questions: "msg-1", questionsRound: String(cut.round) };
    await store.save(cut);

    const replies = await send({ kind: "message", text: "retry", mayStart: false });
    expect(replies[0]).toMatchObject({ kind: "questions", closed: true, closesRound: true });
    expect(only(replies, "prompt").version).toBe(1);
    // Once the adapter has closed it (and forgotten the message), later turns leave it alone.
    const closed = await load();
    closed.refs = {};
    await store.save(closed);
    const again = await send({ kind: "message", text: "retry", mayStart: false });
    expect(again.some((r) => r.kind === "questions")).toBe(false);
  });

  it("a refinement cut off by a restart and sent again is asked for once", async () => {
    const { send, store, load } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    const cut = await load();
    cut.pending = ["make it shorter"];
    await store.save(cut);
    const v2 = only(await send({ kind: "message", text: "make it shorter", mayStart: false }), "prompt");
    expect(v2.request).toBe("make it shorter");
  });

  it("an integrate that failed and was closed already does not close its round twice", async () => {
    const { send, load, store } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    const failed = await load();
    failed.phase = "integrating";
    failed.failedStep = { step: "integrate", code: "model.failed", at: failed.updatedAt };
    failed.refs = {};
    await store.save(failed);
    const replies = await send({ kind: "retry" });
    expect(replies.some((r) => r.kind === "questions" && r.closed)).toBe(false);
  });
});
