/**
 * Slack feels native (issue 14), end to end: real Bolt in Socket Mode against the Slack stand-in, the
 * real engine with a FakeModel, a real store and the real library. Streamed drafts (and the chat.update
 * fallback where Slack refuses to stream), Stop, the assistant container, the one-form answer, version
 * diffs, slot edits and `/tailor defaults`.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import type { ModelRequest } from "../../src/core/ports.js";
import { defaultSynthesize, FakeModel } from "../fakes/fake-model.js";
import {
  hasBlock,
  hasButton,
  SlackHarness,
  textsOf,
  waitForInThread,
} from "../fixtures/slack-standin/slack-harness.js";
import { assistantThreadStarted, findSelect, messageEvent } from "../fixtures/slack-standin/slack-payloads.js";
import { SlackStandin, type StandinOptions, type StoredMessage } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

const CHANNEL = "C0GENERAL";
const DM = "D0OWNER";
const OTHER = "U0OTHER";
const LIVE_PING = /<[!@]/;

let standin: SlackStandin;
let harness: SlackHarness | undefined;
let model: FakeModel;

beforeEach(() => {
  model = new FakeModel();
});

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await standin?.close();
});

const start = async (options: { standin?: StandinOptions; admins?: string; model?: FakeModel } = {}) => {
  standin = await SlackStandin.start(options.standin);
  if (options.model) model = options.model;
  harness = await SlackHarness.start({ standin, model, ...(options.admins ? { admins: options.admins } : {}) });
  return harness;
};

const isPrompt = (version: number) => (message: StoredMessage) =>
  hasBlock(message, "tailor_prompt") && message.text.includes(`v${version}`);
const isQuestions = (message: StoredMessage) => hasButton(message, /^tailor_answer_\d+$/);
const blocksOf = (message: StoredMessage | undefined) => JSON.stringify(message?.blocks ?? []);

/** The root message a `/tailor` posted, and its thread's questions. */
async function startWithCommand(h: SlackHarness, intent: string) {
  await h.slash(intent);
  const root = await waitFor(() => [...standin.messages.values()].find((m) => m.channel === CHANNEL && !m.thread_ts), {
    what: "the /tailor root message",
  });
  const questions = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");
  return { root, questions };
}

/** Ephemeral notes sent to `user`, as texts. */
const ephemeralTo = (user: string) =>
  standin
    .callsOf("chat.postEphemeral")
    .filter((call) => call.args.user === user)
    .map((call) => textsOf(call.args).join("\n"));

/** Resolves when the call is aborted (the Stop control), as a model backend's call ends. */
const untilAborted = (request: ModelRequest) =>
  new Promise<never>((_, reject) => {
    const fail = () => reject(new TailorError("model.aborted", "the model call was aborted"));
    if (request.signal?.aborted) fail();
    request.signal?.addEventListener("abort", fail, { once: true });
  });

describe("Slack: streamed prompts", () => {
  it("streams the prompt into the thread (chat.startStream, appendStream), stops it, then the final prompt replaces it", async () => {
    const h = await start();
    const prompt = "Role: You are a writer <!channel>.\nTask: a cold email to <@U0BOSS>.\nFormat: plain text, & short.";
    const full = JSON.stringify({ prompt, assumptions: [], corrections: [] });
    model.setResponder("synthesize", async (request) => {
      request.onText?.(full.slice(0, 30));
      // The next piece is shown once the stream has started and the interval has passed.
      await waitFor(() => standin.callsOf("chat.startStream").length > 0, { what: "the stream's start" });
      request.onText?.(full.slice(30));
      await waitFor(() => standin.callsOf("chat.appendStream").length > 0, { what: "an appended piece" });
      return full;
    });
    const { root, questions } = await startWithCommand(h, "write a cold email to an investor");
    await h.click(questions, "tailor_skip");

    const final = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(1), "prompt v1");
    const [started] = standin.callsOf("chat.startStream");
    // The stream lives in the conversation's thread, addressed to its owner, and nowhere else.
    expect(started?.args).toMatchObject({
      channel: CHANNEL,
      thread_ts: root.ts,
      recipient_user_id: "U0OWNER",
      recipient_team_id: "T0STANDIN",
    });
    expect(String(started?.args.markdown_text)).toContain("Writing prompt v1");
    const streamTs = standin.callsOf("chat.stopStream")[0]?.args.ts;
    for (const call of [...standin.callsOf("chat.appendStream"), ...standin.callsOf("chat.stopStream")])
      expect(call.args).toMatchObject({ channel: CHANNEL, ts: streamTs });
    // The pieces, escaped one by one, read as the escaped prompt: no live @channel or @mention ever.
    const streamed = [...standin.callsOf("chat.startStream"), ...standin.callsOf("chat.appendStream")]
      .map((call) => String(call.args.markdown_text))
      .join("");
    expect(streamed).toContain("Role: You are a writer &lt;!channel&gt;.\nTask: a cold email to &lt;@U0BOSS&gt;.");
    expect(streamed).not.toMatch(LIVE_PING);
    // The final prompt took the streamed message's place; the working message and its Stop button went.
    expect(final.ts).toBe(streamTs);
    expect(standin.thread(CHANNEL, root.ts).map((m) => m.ts)).toEqual([root.ts, questions.ts, final.ts]);
    expect(standin.thread(CHANNEL, root.ts).some((m) => hasButton(m, "tailor_stop"))).toBe(false);
    expect(standin.violations).toEqual([]);
  });

  it("where Slack refuses to stream, edits the working message (Stop kept) about once a second, then replaces it", async () => {
    const h = await start({ standin: { refuseStreaming: "method_not_supported_for_channel_type" } });
    const full = JSON.stringify({
      prompt: `Role: You are a planner.\n${"Step: plan.\n".repeat(40)}`,
      assumptions: [],
      corrections: [],
    });
    const draftEdits = () =>
      standin.callsOf("chat.update").filter((call) => String(call.args.text).includes("Writing prompt v1"));
    model.setResponder("synthesize", async (request) => {
      request.onText?.(full.slice(0, 40));
      await waitFor(() => draftEdits().length > 0, { what: "the first draft edit" });
      // A burst of pieces, as a fast model produces them: coalesced into the next edit.
      for (let end = 60; end < full.length; end += 10) request.onText?.(full.slice(end - 10, end));
      await waitFor(() => draftEdits().length > 1, { what: "the next draft edit" });
      return full;
    });
    const { root, questions } = await startWithCommand(h, "a project plan for our website relaunch");
    await h.click(questions, "tailor_skip");

    const final = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(1), "prompt v1");
    const edits = draftEdits();
    expect(edits.length).toBe(2);
    const working = String(edits[0]?.args.ts);
    for (const edit of edits) {
      expect(edit.args.ts).toBe(working);
      expect(JSON.stringify(edit.args.blocks)).toContain("tailor_stop");
    }
    expect(JSON.stringify(edits[1]?.args.blocks)).toContain("Step: plan.");
    // One refused try at streaming in this turn, then the working message showed the draft and took the prompt.
    expect(standin.callsOf("chat.startStream").map((call) => call.ok)).toEqual([false]);
    expect(final.ts).toBe(working);
    expect(hasButton(final, "tailor_stop")).toBe(false);
    expect(standin.violations).toEqual([]);
  });
});

describe("Slack: Stop", () => {
  it("the working message's Stop button stops the model for the owner only; the step can be retried", async () => {
    const h = await start();
    model.setResponder("synthesize", async (request) => {
      request.onText?.('{"prompt": "Role: You are a careful planner.');
      return untilAborted(request);
    });
    const { root, questions } = await startWithCommand(h, "an agenda for a quarterly review");
    await h.click(questions, "tailor_skip");
    const working = await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, "tailor_stop"), "Stop");
    await waitFor(() => standin.callsOf("chat.startStream").length > 0, { what: "the draft streaming" });

    await h.click(working, "tailor_stop", { user: OTHER });
    await waitFor(() => ephemeralTo(OTHER).some((text) => text.includes("Only the person who asked")), {
      what: "a private word to the other user",
    });
    expect(hasButton(standin.messages.get(working.ts)!, "tailor_stop")).toBe(true);

    await h.click(working, "tailor_stop");
    const stopped = await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, "tailor_retry"), "stopped");
    expect(stopped.text).toContain("Stopped");
    // The streamed draft became the stopped step's message; no Stop button is left anywhere.
    expect(stopped.ts).toBe(standin.callsOf("chat.stopStream")[0]?.args.ts);
    expect(standin.thread(CHANNEL, root.ts).some((m) => hasButton(m, "tailor_stop"))).toBe(false);
    expect(standin.thread(CHANNEL, root.ts).some((m) => m.streaming)).toBe(false);

    model.setResponder("synthesize", defaultSynthesize);
    await h.click(stopped, "tailor_retry");
    await waitForInThread(standin, CHANNEL, root.ts, isPrompt(1), "prompt v1 after retry");
  });

  it("a typed `stop` in the thread stops the model call too", async () => {
    const h = await start();
    model.setResponder("synthesize", async (request) => {
      request.onText?.('{"prompt": "Role: You are a patient tutor.');
      return untilAborted(request);
    });
    const { root, questions } = await startWithCommand(h, "a study plan for a chemistry exam");
    await h.click(questions, "tailor_skip");
    await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, "tailor_stop"), "Stop");
    await h.event(messageEvent(standin, { text: "stop", threadTs: root.ts }));
    await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, "tailor_retry"), "stopped");
    await waitFor(() => !standin.thread(CHANNEL, root.ts).some((m) => hasButton(m, "tailor_stop")), {
      what: "the Stop button gone",
    });
  });
});

describe("Slack: the assistant container", () => {
  it("suggests four prompts, titles the thread from the intent, and shows the status line with the queue position", async () => {
    const h = await start({ model: new FakeModel({ queuePositions: [2, 1, 0] }) });
    const thread = standin.nextTs();
    await h.event(assistantThreadStarted(DM, thread));
    const suggested = await waitFor(() => standin.callsOf("assistant.threads.setSuggestedPrompts")[0], {
      what: "suggested prompts",
    });
    expect(suggested.args).toMatchObject({ channel_id: DM, thread_ts: thread });
    const prompts = suggested.args.prompts as Array<{ title: string; message: string }>;
    expect(prompts.map((p) => p.title)).toEqual(["Email", "Code generation", "Marketing copy", "Lesson plan"]);

    // The user's first message in the assistant thread (a DM thread) starts the conversation there.
    await h.event(
      messageEvent(standin, { text: "a birthday toast for my sister", channelType: "im", threadTs: thread }),
    );
    const questions = await waitForInThread(standin, DM, thread, isQuestions, "questions");
    expect(questions.thread_ts).toBe(thread);
    const titles = standin.callsOf("assistant.threads.setTitle");
    expect(titles.map((call) => call.args)).toEqual([
      expect.objectContaining({ channel_id: DM, thread_ts: thread, title: "a birthday toast for my sister" }),
    ]);
    await waitFor(() => standin.callsOf("assistant.threads.setStatus").at(-1)?.args.status === "", {
      what: "the status cleared",
    });
    const statuses = standin.callsOf("assistant.threads.setStatus").map((call) => call.args.status);
    expect(statuses).toContain("Waiting for the model: position 2 in the queue…");
    expect(statuses).toContain("Working on it…");

    // An answer in the thread continues it; the title stays the intent's.
    await h.event(messageEvent(standin, { text: "for her 30th, funny", channelType: "im", threadTs: thread }));
    await waitForInThread(standin, DM, thread, isPrompt(1), "prompt v1");
    expect(standin.callsOf("assistant.threads.setTitle")).toHaveLength(1);
    expect(standin.violations).toEqual([]);
  });
});

describe("Slack: answering in one form", () => {
  it("a select per open question and Submit answer the round in one event", async () => {
    const h = await start();
    const { root, questions } = await startWithCommand(h, "write a cold email to an investor");
    const picks = questions.blocks.filter((block) => block.type === "input").map((block) => String(block.block_id));
    expect(picks).toHaveLength(2);

    await h.submitForm(questions, "tailor_answer_submit", {});
    await waitFor(() => ephemeralTo("U0OWNER").some((text) => text.includes("Pick an answer")), {
      what: "the empty form's note",
    });

    await h.submitForm(questions, "tailor_answer_submit", { [picks[0]!]: "Customers", [picks[1]!]: "Direct" });
    const prompt = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(1), "prompt v1");
    expect(blocksOf(prompt)).toContain("Customers");
    expect(blocksOf(prompt)).toContain("Direct");
    const closed = standin.messages.get(questions.ts);
    expect(closed?.blocks.some((block) => block.type === "input" || block.type === "actions")).toBe(false);
    expect(standin.violations).toEqual([]);
  });
});

describe("Slack: versions and slot edits", () => {
  it("a slot select writes the next version, which says what changed behind a button; Other… opens a modal", async () => {
    const h = await start();
    const { root, questions } = await startWithCommand(h, "write a cold email to an investor");
    await h.click(questions, /^tailor_answer_\d+$/, { label: "Investors" });
    await h.click(questions, "tailor_skip");
    const v1 = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(1), "prompt v1");
    expect(hasButton(v1, "tailor_diff")).toBe(false);
    const audience = findSelect(v1, /^tailor_slot_\d+$/);
    expect(audience?.blockId).toMatch(/^tailor_slot:/);

    // Someone else's choice changes nothing.
    await h.select(v1, audience!.select.action_id, "Customers", { user: OTHER });
    await waitFor(() => ephemeralTo(OTHER).length > 0, { what: "a private word to the other user" });

    await h.select(v1, audience!.select.action_id, "Customers");
    const v2 = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(2), "prompt v2");
    expect(blocksOf(v2)).toContain("*Changes from v1*");
    expect(blocksOf(v2)).toContain("changed");
    expect(blocksOf(v2)).toContain("*Audience*: Customers");

    await h.click(v2, "tailor_diff", { user: OTHER });
    const diff = await waitFor(() => ephemeralTo(OTHER).find((text) => text.includes("What changed")), {
      what: "the diff, privately",
    });
    expect(diff).toContain("+ ");
    expect(diff).toContain("Customers");

    const slot = findSelect(v2, audience!.select.action_id)!;
    await h.select(v2, slot.select.action_id, "Other…");
    const opened = await waitFor(() => standin.views[0], { what: "the modal" });
    expect(opened.view.callback_id).toBe("tailor_slot_other");
    expect(opened.trigger_id).toMatch(/^trigger-/);
    await h.submitView(opened, { tailor_slot_value: "board members <!here>" });
    const v3 = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(3), "prompt v3");
    expect(blocksOf(v3)).toContain("board members &lt;!here&gt;");
    expect(standin.violations).toEqual([]);
  });
});

describe("Slack: /tailor defaults", () => {
  const responsesWith = (text: string) =>
    standin.responses.filter((response) => JSON.stringify(response).includes(text));

  it("admins (workspace role or TAILOR_ADMINS) set a channel's defaults; others see them; new conversations start with them", async () => {
    const h = await start({ admins: "U0LISTED" });
    standin.users.set("U0ADMIN", { is_admin: true });

    await h.slash("defaults set tone=friendly");
    await waitFor(() => responsesWith("Only workspace admins").length > 0, { what: "the refusal" });
    expect(standin.responses.at(-1)).toMatchObject({ response_type: "ephemeral" });
    expect(standin.callsOf("users.info").map((call) => call.args.user)).toEqual(["U0OWNER"]);

    await h.slash("defaults set tone=friendly", { user: "U0ADMIN" });
    await waitFor(() => responsesWith("Defaults saved").length > 0, { what: "the admin's change" });
    const lookups = standin.callsOf("users.info").length;
    await h.slash("defaults set audience=new hires", { user: "U0LISTED" });
    await waitFor(() => responsesWith("new hires").length > 0, { what: "the listed user's change" });
    expect(standin.callsOf("users.info").length).toBe(lookups);

    await h.slash("defaults");
    await waitFor(() => responsesWith("Defaults here").length > 0, { what: "the defaults shown" });
    // No conversation was started by any of these.
    expect([...standin.messages.values()].filter((m) => m.channel === CHANNEL)).toHaveLength(0);

    // Both questions the model would ask are settled by the defaults: the prompt comes at once.
    await h.slash("a welcome email for the team");
    const root = await waitFor(
      () => [...standin.messages.values()].find((m) => m.channel === CHANNEL && !m.thread_ts),
      {
        what: "the /tailor root message",
      },
    );
    const prompt = await waitForInThread(standin, CHANNEL, root.ts, isPrompt(1), "prompt v1");
    expect(blocksOf(prompt)).toContain("channel default");
    expect(blocksOf(prompt)).toContain("friendly");
  });
});
