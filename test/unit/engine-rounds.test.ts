import { describe, expect, it } from "vitest";
import { engineHarness, KEY, OWNER, only } from "../fakes/engine-harness.js";
import { FakeModel, pinnedValuesIn } from "../fakes/fake-model.js";

const INTENT = "write a cold email to an investor about our seed round";

describe("engine: answering a round", () => {
  it("a modal answers by question id; the round ends when every question has an answer", async () => {
    const { send, model } = await engineHarness();
    const [audience, tone] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    const partial = only(
      await send({ kind: "answers", answers: { [audience!.id]: " my angel syndicate " } }),
      "questions",
    );
    expect(partial.questions.map((q) => q.answer)).toEqual(["my angel syndicate", undefined]);
    expect(model.calls).toHaveLength(1);
    only(await send({ kind: "answers", answers: { [tone!.id]: "confident, no hype" } }), "prompt");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "integrate", "synthesize"]);
    const integrate = model.callsOf("integrate")[0]!.user;
    expect(integrate).toContain("Q (audience): Who will read it?\nA: my angel syndicate");
    expect(integrate).toContain("Q (tone): Which tone fits?\nA: confident, no hype");
  });

  it("a control with an option that is not its own, or of a round that is over, changes nothing (said privately)", async () => {
    const { send, load } = await engineHarness();
    const [audience] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    const stale = [expect.objectContaining({ kind: "notice", code: "already_answered", visibility: "private" })];
    expect(await send({ kind: "answer", questionId: audience!.id, option: "Formal" })).toEqual(stale);
    expect(await send({ kind: "answer", questionId: "r9q9", option: "Investors" })).toEqual(stale);
    expect((await load()).questions.every((q) => q.answer === undefined)).toBe(true);
    await send({ kind: "skip" });
    expect(await send({ kind: "answer", questionId: audience!.id, option: "Investors" })).toEqual(stale);
  });

  it("a control and then free text: the free text answers what is still open (3 calls)", async () => {
    const { send, model, load } = await engineHarness();
    const [audience] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    await send({ kind: "answer", questionId: audience!.id, option: "Investors" });
    const prompt = only(await send({ kind: "message", text: "upbeat", mayStart: false }), "prompt");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "integrate", "synthesize"]);
    const integrate = model.callsOf("integrate")[0]!.user;
    expect(integrate).toContain('audience: "Investors"');
    expect(integrate).toContain("Q (tone): Which tone fits?\nA: upbeat");
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "tone", status: "pinned", value: "upbeat" }),
    );
    expect((await load()).modelCalls).toBe(3);
  });

  it("integrate pins only the user's own words; a paraphrase is shown as an assumption", async () => {
    const model = new FakeModel({
      integrate: () =>
        JSON.stringify({
          pinned: [
            { capability: "audience", value: "ANGEL  investors" },
            { capability: "tone", value: "enthusiastic" },
          ],
          more_questions: [],
        }),
    });
    const { send } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    const prompt = only(
      await send({ kind: "message", text: "angel investors, make it pop", mayStart: false }),
      "prompt",
    );
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "audience", status: "pinned", value: "angel investors" }),
    );
    expect(prompt.checklist).toContainEqual(
      expect.objectContaining({ capability: "tone", status: "assumed", value: "enthusiastic" }),
    );
  });

  it("one free-text message is listed once under every question it answers", async () => {
    const { send, model } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    await send({ kind: "message", text: "angels; warm", mayStart: false });
    const integrate = model.callsOf("integrate")[0]!.user;
    expect(integrate).toContain("Q (audience): Who will read it?\nQ (tone): Which tone fits?\nA: angels; warm");
    expect(integrate.match(/angels; warm/g)).toHaveLength(1);
  });

  it("skip after one control answer writes the prompt with that answer (2 calls)", async () => {
    const { send, model } = await engineHarness();
    const [audience] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    await send({ kind: "answer", questionId: audience!.id, option: "Customers" });
    const prompt = only(await send({ kind: "skip" }), "prompt");
    expect(prompt.text).toContain("Customers");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
    expect(only(await send({ kind: "skip" }), "notice").code).toBe("nothing_to_skip");
  });
});

describe("engine: second round", () => {
  const roundTwo = () =>
    new FakeModel({
      integrate: (request) =>
        JSON.stringify({
          pinned: request.user.includes("Q (length)") ? [{ capability: "length", value: "five lines" }] : [],
          more_questions: request.user.includes("Q (length)")
            ? []
            : [
                { capability: "length", question: "How long?", options: ["Short", "Long"] },
                // Already settled by a control: never asked again.
                { capability: "audience", question: "Who again?", options: ["A", "B"] },
              ],
        }),
    });

  it("earlier answers still reach synthesize verbatim after the second round", async () => {
    const model = roundTwo();
    const { send, load } = await engineHarness({ model });
    const [audience] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    await send({ kind: "answer", questionId: audience!.id, option: "Investors" });
    const round2 = only(
      await send({ kind: "message", text: "bold, mention our 40% MoM growth", mayStart: false }),
      "questions",
    );
    expect(round2).toMatchObject({ round: 2 });
    expect(round2.questions.map((q) => q.capability)).toEqual(["length"]);
    only(await send({ kind: "message", text: "five lines at most", mayStart: false }), "prompt");
    const synthesize = model.callsOf("synthesize")[0]!.user;
    expect(synthesize).toContain("A: bold, mention our 40% MoM growth");
    expect(synthesize).toContain("A: five lines at most");
    expect(pinnedValuesIn(synthesize)).toEqual(expect.arrayContaining(["Investors", "five lines"]));
    expect((await load()).modelCalls).toBe(4);
  });
});

describe("engine: after the prompt", () => {
  it("a correction of an assumed value is pinned with source correction and kept in the prompt", async () => {
    const model = new FakeModel();
    const { send, load } = await engineHarness({ model });
    await send({ kind: "start", text: INTENT });
    only(await send({ kind: "skip" }), "prompt");
    model.setResponder("synthesize", () =>
      JSON.stringify({
        prompt: "Role: writer.",
        assumptions: [],
        corrections: [{ capability: "length", value: "200 words" }],
      }),
    );
    const v2 = only(await send({ kind: "message", text: "no, length should be 200 words", mayStart: false }), "prompt");
    expect(v2.version).toBe(2);
    // The model forgot it in the text: the alignment check put it back.
    expect(v2.repaired).toEqual(["Length: 200 words"]);
    expect(v2.text).toContain("200 words");
    const record = await load();
    expect(record.capabilities.find((c) => c.id === "length")).toEqual({
      id: "length",
      status: "pinned",
      value: "200 words",
      source: "correction",
    });
    expect(record.versions.map((v) => v.request)).toEqual([undefined, "no, length should be 200 words"]);
    expect(record.versions[1]?.repaired).toEqual(["Length: 200 words"]);
  });

  it("a refinement that changes a pinned value drops the old one, even when the model paraphrases", async () => {
    const model = new FakeModel();
    const { send } = await engineHarness({ model });
    const [audience] = only(await send({ kind: "start", text: INTENT }), "questions").questions;
    await send({ kind: "answer", questionId: audience!.id, option: "Investors" });
    only(await send({ kind: "skip" }), "prompt");
    model.setResponder("synthesize", () =>
      JSON.stringify({
        prompt: "Role: writer for retail clients.",
        assumptions: [],
        corrections: [{ capability: "audience", value: "retail clients" }],
      }),
    );
    const v2 = only(
      await send({ kind: "message", text: "write it for our customers instead", mayStart: false }),
      "prompt",
    );
    expect(v2.checklist).toContainEqual(
      expect.objectContaining({ capability: "audience", status: "assumed", value: "retail clients" }),
    );
    // The old pinned value is not forced back in by the alignment check.
    expect(v2.repaired).toEqual([]);
    expect(v2.text).not.toContain("Investors");
  });

  it("retry with nothing failed says so", async () => {
    const { send } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    expect(only(await send({ kind: "retry" }), "notice").code).toBe("nothing_to_retry");
  });

  it("a start on a key with a conversation starts a fresh one", async () => {
    const { send, load } = await engineHarness();
    await send({ kind: "start", text: INTENT });
    await send({ kind: "skip" });
    only(await send({ kind: "start", text: "a vegan dinner recipe" }), "questions");
    const record = await load();
    expect(record).toMatchObject({ intent: "a vegan dinner recipe", round: 1, versions: [] });
  });
});

describe("engine: reply policy and message refs", () => {
  it("closes a round exactly once, whatever ended it, with the answers it got", async () => {
    const { send } = await engineHarness();
    const round = only(await send({ kind: "start", text: INTENT }), "questions");
    expect(round).toMatchObject({ visibility: "public", closesRound: false });
    const [first] = round.questions;
    const partial = await send({ kind: "answer", questionId: first!.id, option: first!.options[0]! });
    expect(partial).toEqual([expect.objectContaining({ kind: "questions", closesRound: false })]);

    const done = await send({ kind: "message", text: "upbeat", mayStart: false });
    const closing = done.filter((r) => r.closesRound);
    expect(closing).toHaveLength(1);
    expect(done[0]).toBe(closing[0]);
    expect(closing[0]).toMatchObject({ kind: "questions", closed: true, round: round.round });
    if (closing[0]?.kind !== "questions") throw new Error("no closed round");
    expect(closing[0].questions.every((q) => q.answer !== undefined)).toBe(true);
    expect(done.some((r) => r.kind === "prompt")).toBe(true);
  });

  it("typing new closes the open round without answers", async () => {
    const { send } = await engineHarness();
    only(await send({ kind: "start", text: INTENT }), "questions");
    const replies = await send({ kind: "message", text: "new", mayStart: false });
    expect(replies[0]).toMatchObject({ kind: "questions", closed: true, closesRound: true });
    expect(replies[1]).toMatchObject({ kind: "notice", code: "new" });
  });

  it("saves the refs an adapter sets, under the turn's lock, and gives them to the next turn", async () => {
    const { engine, store } = await engineHarness();
    const event = { key: KEY, user: OWNER, direct: false } as const;
    await engine.handle(
      { ...event, eventId: "r1", kind: "start", text: INTENT },
      {
        deliver: async (_replies, io) => {
          expect(io.refs).toEqual({});
          await io.setRefs({ questions: "m-1", questionsRound: "1" });
        },
      },
    );
    expect((await store.load(KEY)).status === "found" && (await store.load(KEY))).toMatchObject({
      conversation: { refs: { questions: "m-1", questionsRound: "1" } },
    });
    let seen: Record<string, string> = {};
    await engine.handle(
      { ...event, eventId: "r2", kind: "message", text: "help", mayStart: false },
      {
        deliver: async (_replies, io) => {
          seen = { ...io.refs };
          await io.setRefs({ questionsRound: undefined });
        },
      },
    );
    expect(seen).toEqual({ questions: "m-1", questionsRound: "1" });
    const after = await store.load(KEY);
    expect(after.status === "found" && after.conversation.refs).toEqual({ questions: "m-1" });
  });
});
