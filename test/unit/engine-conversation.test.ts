import { describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import { stripAppendix } from "../../src/core/model-calls/conversation-calls.js";
import { engineHarness, only } from "../fakes/engine-harness.js";
import { FakeModel, pinnedValuesIn } from "../fakes/fake-model.js";

const INTENT = "write a cold email to an investor about our seed round";

describe("engine: a conversation", () => {
  it("asks questions, takes answers by option, and writes the prompt in 2 model calls", async () => {
    const { send, model, load } = await engineHarness();
    const questions = only(await send({ kind: "start", text: INTENT }), "questions");
    expect(questions.questions.map((q) => q.capability)).toEqual(["audience", "tone"]);
    expect(questions.intro).toContain("length: under 150 words");
    const [q1, q2] = questions.questions;
    const afterFirst = only(await send({ kind: "answer", questionId: q1!.id, option: "Investors" }), "questions");
    expect(afterFirst.questions[0]?.answer).toBe("Investors");
    const replies = await send({ kind: "answer", questionId: q2!.id, option: "Warm" });
    const prompt = only(replies, "prompt");
    expect(prompt.version).toBe(1);
    expect(prompt.text).toContain("Investors");
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "audience", status: "pinned", value: "Investors" }),
    );
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "length", status: "assumed", value: "under 150 words" }),
    );
    expect(prompt.assumptions).toEqual(["The reader knows the product."]);
    // Option answers are pinned without a model call: analyse + synthesize only.
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
    expect((await load()).modelCalls).toBe(2);
  });

  it("a free-text message answers every open question: 3 calls for one answered round", async () => {
    const { send, model, load } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    const replies = await send({ kind: "message", text: "angel investors, keep it warm", mayStart: false });
    only(replies, "prompt");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "integrate", "synthesize"]);
    expect(model.callsOf("integrate")[0]?.user).toContain("angel investors, keep it warm");
    expect((await load()).modelCalls).toBeLessThanOrEqual(3);
  });

  it("goes straight to the prompt when the intent needs no question (2 calls)", async () => {
    const model = new FakeModel({
      analyse: () =>
        JSON.stringify({
          domain: "email",
          pinned: [{ capability: "audience", quote: "an investor" }],
          assumed: [],
          questions: [],
        }),
    });
    const { send, load } = await engineHarness({ model });
    const prompt = only(await send({ kind: "start", text: INTENT }), "prompt");
    expect(prompt.text).toContain("an investor");
    expect(model.calls).toHaveLength(2);
    expect((await load()).modelCalls).toBe(2);
  });

  it("skip writes the prompt now", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    only(await send({ kind: "skip" }), "prompt");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
    // typed as a word, too
    const typed = await engineHarness();
    await typed.send({ kind: "start", text: INTENT });
    only(await typed.send({ kind: "message", text: "Skip", mayStart: false }), "prompt");
  });

  it("runs a second round when integrate asks for it, never a third", async () => {
    const model = new FakeModel({
      integrate: () =>
        JSON.stringify({
          pinned: [{ capability: "goal", value: "book a call" }],
          more_questions: [{ capability: "length", question: "How long?", options: ["Short", "Long"] }],
        }),
    });
    const { send } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    const round2 = only(
      await send({ kind: "message", text: "investors, formal, they should book a call", mayStart: false }),
      "questions",
    );
    expect(round2.round).toBe(2);
    expect(round2.questions.map((q) => q.text)).toEqual(["How long?"]);
    const prompt = only(await send({ kind: "message", text: "short please", mayStart: false }), "prompt");
    expect(prompt.text).toContain("book a call");
    expect(model.callsOf("integrate")[1]?.user).toContain("return an empty list (no more rounds)");
  });

  it("a refinement after the prompt produces version 2 carrying the request and the previous version", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    const v1 = only(await send({ kind: "skip" }), "prompt");
    const v2 = only(await send({ kind: "message", text: "make it shorter", mayStart: false }), "prompt");
    expect(v2.version).toBe(2);
    const refineCall = model.callsOf("synthesize")[1];
    expect(refineCall?.user).toContain("<request>\nmake it shorter\n</request>");
    expect(refineCall?.user).toContain(stripAppendix(v1.text));
  });

  it("a correction of an assumption is pinned and shown in the checklist", async () => {
    const model = new FakeModel();
    const { send } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    model.setResponder("synthesize", () =>
      JSON.stringify({
        prompt: "Role: writer. Keep it under 300 words.",
        assumptions: [],
        corrections: [{ capability: "length", value: "under 300 words" }],
      }),
    );
    const v2 = only(
      await send({ kind: "message", text: "actually it can be under 300 words", mayStart: false }),
      "prompt",
    );
    expect(v2.checklist).toContainEqual(
      expect.objectContaining({ capability: "length", status: "pinned", value: "under 300 words" }),
    );
  });
});

describe("engine: what reaches the model", () => {
  it("analyse carries the intent verbatim and the retrieved exemplars; later calls carry pinned values and answers", async () => {
    const { send, model } = await engineHarness();
    const questions = only(await send({ kind: "start", text: INTENT }), "questions");
    const analyse = model.callsOf("analyse")[0]!;
    expect(analyse.user).toContain(INTENT);
    expect(analyse.user).toContain('A typical intent there: "EXEMPLAR-INTENT write a cold email to an investor"');
    expect(analyse.schema).toMatchObject({ type: "object", additionalProperties: false });
    await send({ kind: "answer", questionId: questions.questions[0]!.id, option: "Investors" });
    await send({ kind: "message", text: "Warm but brief, mention our 40% MoM growth", mayStart: false });
    const integrate = model.callsOf("integrate")[0]!;
    expect(integrate.user).toContain(INTENT);
    expect(integrate.user).toContain('audience: "Investors"');
    expect(integrate.user).toContain("Warm but brief, mention our 40% MoM growth");
    const synthesize = model.callsOf("synthesize")[0]!;
    expect(pinnedValuesIn(synthesize.user)).toContain("Investors");
    expect(synthesize.user).toContain(INTENT);
    expect(synthesize.user).toContain("EXEMPLAR-PROMPT");
    expect(synthesize.user).toContain("A: Warm but brief, mention our 40% MoM growth");
    await send({ kind: "message", text: "for a 5th grader", mayStart: false });
    const refine = model.callsOf("synthesize")[1]!;
    expect(refine.user).toContain(INTENT);
    expect(pinnedValuesIn(refine.user)).toContain("Investors");
    expect(refine.user).toContain("A: Warm but brief, mention our 40% MoM growth");
    expect(refine.user).toContain("<request>\nfor a 5th grader\n</request>");
  });
});

describe("engine: failures", () => {
  it("retries an invalid answer once, without counting it in the budget", async () => {
    const model = new FakeModel().failNext("analyse", "{not json");
    const { send, load } = await engineHarness({ model });
    only(await send({ kind: "start", text: INTENT }), "questions");
    expect(model.callsOf("analyse")).toHaveLength(2);
    const record = await load();
    expect(record.modelCalls).toBe(1);
    expect(record.modelRetries).toBe(1);
  });

  it("two invalid answers give a resumable error; retry goes on", async () => {
    const model = new FakeModel().failNext("analyse", "[]").failNext("analyse", '{"domain": 3}');
    const { send } = await engineHarness({ model });
    const error = only(await send({ kind: "start", text: INTENT }), "error");
    expect(error).toMatchObject({ code: "model.invalid_output", retry: true, step: "analyse" });
    only(await send({ kind: "retry" }), "questions");
  });

  it("a model error keeps what the user said; retry re-runs the failed step", async () => {
    const model = new FakeModel();
    const { send, load } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    model.failNext("integrate", new TailorError("model.timeout", "deadline passed"));
    const error = only(await send({ kind: "message", text: "for my angel investors", mayStart: false }), "error");
    expect(error.message).not.toContain("deadline passed");
    expect(error.step).toBe("integrate");
    expect((await load()).pending).toEqual(["for my angel investors"]);
    only(await send({ kind: "retry" }), "prompt");
    expect(model.callsOf("integrate")[1]?.user).toContain("for my angel investors");
    expect((await load()).failedStep).toBeUndefined();
  });

  it("a new message after a failure re-runs the step with what it adds", async () => {
    const model = new FakeModel();
    const { send } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    model.failNext("synthesize");
    only(await send({ kind: "message", text: "shorter", mayStart: false }), "error");
    const v2 = only(await send({ kind: "message", text: "and friendlier", mayStart: false }), "prompt");
    expect(v2.version).toBe(2);
    expect(model.callsOf("synthesize").at(-1)?.user).toContain("shorter\nand friendlier");
  });
});

describe("engine: turns", () => {
  it("acts once on a duplicate event id", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT }, { eventId: "same" });
    expect(await send({ kind: "start", text: INTENT }, { eventId: "same" })).toEqual([]);
    expect(model.calls).toHaveLength(1);
  });

  it("ignores people other than the owner unless allowed; their clicks get a private word", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    expect(await send({ kind: "skip" }, { user: { id: "U-OTHER" } })).toEqual([
      expect.objectContaining({ kind: "notice", code: "not_owner", visibility: "private", closesRound: false }),
    ]);
    expect(await send({ kind: "message", text: "hello", mayStart: false }, { user: { id: "U-OTHER" } })).toEqual([]);
    expect(model.calls).toHaveLength(1);
    const open = await engineHarness({ allowOthers: true });
    await open.send({ kind: "start", text: INTENT });
    only(await open.send({ kind: "skip" }, { user: { id: "U-OTHER" } }), "prompt");
  });

  it("refuses a too-long intent with the limit, and an empty one with usage, storing nothing", async () => {
    const { send, model, store } = await engineHarness({ limits: { maxIntentChars: 20 } });
    const tooLong = only(await send({ kind: "start", text: "x".repeat(21) }), "notice");
    expect(tooLong).toMatchObject({ code: "too_long" });
    expect(tooLong.text).toContain("20");
    expect(only(await send({ kind: "start", text: "   " }), "notice").code).toBe("usage");
    expect(model.calls).toHaveLength(0);
    expect((await store.load({ platform: "slack", workspace: "T1", channel: "C1", thread: "100.1" })).status).toBe(
      "missing",
    );
  });

  it("typed words: help, cancel, new, forget", async () => {
    const { send, load, store } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    expect(only(await send({ kind: "message", text: "help", mayStart: false }), "notice").text).toContain("skip");
    expect(only(await send({ kind: "message", text: "cancel", mayStart: false }), "notice").code).toBe("cancelled");
    expect(only(await send({ kind: "message", text: "hello?", mayStart: false }), "notice").code).toBe("ended");
    expect(only(await send({ kind: "message", text: "new", mayStart: false }), "notice").code).toBe("new");
    expect((await load()).phase).toBe("awaiting_intent");
    only(await send({ kind: "message", text: "a vegan dinner recipe", mayStart: false }), "questions");
    expect((await load()).intent).toBe("a vegan dinner recipe");
    expect(only(await send({ kind: "message", text: "forget", mayStart: false }), "notice").code).toBe("forgotten");
    expect((await store.load({ platform: "slack", workspace: "T1", channel: "C1", thread: "100.1" })).status).toBe(
      "missing",
    );
  });

  it("reports progress: working before each call", async () => {
    const { send, progress } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    expect(progress).toEqual([{ kind: "working", step: "analyse", language: "en" }]);
  });
});

describe("engine: message limits", () => {
  it("a message longer than the limit is refused with the limit, reaching no model and changing nothing", async () => {
    const { send, model, load } = await engineHarness({ limits: { maxIntentChars: 60 } });
    await send({ kind: "start", text: INTENT });
    const before = await load();
    const notice = only(await send({ kind: "message", text: "y".repeat(61), mayStart: false }), "notice");
    expect(notice).toMatchObject({ code: "too_long" });
    expect(notice.text).toContain("60");
    const [audience] = before.questions;
    expect(only(await send({ kind: "answers", answers: { [audience!.id]: "z".repeat(61) } }), "notice")).toMatchObject({
      code: "too_long",
    });
    expect(model.calls).toHaveLength(1);
    expect(await load()).toEqual(before);
  });
});
