/**
 * The Slack adapter end to end in Socket Mode: real Bolt against the Slack stand-in, the real engine
 * with a FakeModel, a real store and the real library.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { createSlackAdapter } from "../../src/platforms/slack/create-slack-adapter.js";
import { defaultAnalyse, FakeModel } from "../fakes/fake-model.js";
import {
  hasBlock,
  hasButton,
  SlackHarness,
  textsOf,
  waitForInThread,
} from "../fixtures/slack-standin/slack-harness.js";
import { messageEvent, slashCommand } from "../fixtures/slack-standin/slack-payloads.js";
import { APP_TOKEN, BOT_TOKEN, SlackStandin, type StoredMessage } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

const CHANNEL = "C0GENERAL";
const DM = "D0OWNER";
const isPrompt = (message: StoredMessage) => hasBlock(message, "tailor_prompt");
const isQuestions = (message: StoredMessage) => hasButton(message, /^tailor_answer/);
const promptVersion = (version: number) => (message: StoredMessage) =>
  isPrompt(message) && message.text.includes(`v${version}`);

let standin: SlackStandin;
let harness: SlackHarness | undefined;
let model: FakeModel;
let tempDir: string | undefined;

beforeEach(async () => {
  standin = await SlackStandin.start();
  model = new FakeModel();
});

afterEach(async () => {
  await harness?.stop();
  harness = undefined;
  await standin.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

const start = async (options: { storeUrl?: string; maxIntentChars?: number } = {}) => {
  harness = await SlackHarness.start({ standin, model, ...options });
  return harness;
};

/** The root message a `/tailor` posted (the only top-level post in the channel). */
const rootMessage = () =>
  waitFor(() => [...standin.messages.values()].find((m) => m.channel === CHANNEL && !m.thread_ts), {
    what: "the /tailor root message",
  });

describe("Slack in Socket Mode", () => {
  it("/tailor: root message with owner and intent, questions in its thread, a button and a typed answer, then the prompt", async () => {
    const h = await start();
    const ack = await h.slash("write a cold email to an investor <!channel>");
    expect(ack).toEqual({});

    const root = await rootMessage();
    expect(root.text).toContain("<@U0OWNER>");
    expect(root.text).toContain("write a cold email to an investor &lt;!channel&gt;");
    const questions = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");

    // A "working" placeholder came first; the questions took its place.
    const threadPosts = standin.callsOf("chat.postMessage").filter((call) => call.args.thread_ts === root.ts);
    expect(threadPosts[0]?.args.text).toBe("Working on it…");
    expect(standin.thread(CHANNEL, root.ts)).toHaveLength(2);

    // The clicked question shows its choice in place; the other keeps its buttons.
    const clickedBlock = findActionsBlockIds(questions)[0];
    await h.click(questions, /^tailor_answer/);
    await waitFor(() => !findActionsBlockIds(standin.messages.get(questions.ts)!).includes(clickedBlock!), {
      what: "the clicked question updated in place",
    });
    expect(JSON.stringify(standin.messages.get(questions.ts)?.blocks)).toContain(":white_check_mark:");

    await h.event(messageEvent(standin, { text: "warm but professional", threadTs: root.ts }));
    const prompt = await waitForInThread(standin, CHANNEL, root.ts, promptVersion(1), "prompt v1");
    expect(JSON.stringify(prompt.blocks)).toContain("warm but professional");
    expect(JSON.stringify(prompt.blocks)).toContain("*Audience*: Investors");
    // The round is over: no stale buttons left on the questions message.
    await waitFor(() => !hasButton(standin.messages.get(questions.ts)!, /^tailor_answer/), { what: "closed round" });
    expect(standin.violations).toEqual([]);
  });

  it("a mention in a channel: conversation in the message's thread, typed answer, prompt, then a refinement as v2", async () => {
    const h = await start();
    const mention = messageEvent(standin, { text: "<@U0TAILOR> a lesson plan on fractions", type: "app_mention" });
    await h.event(mention);
    const thread = String(mention.ts);
    await waitForInThread(standin, CHANNEL, thread, isQuestions, "questions");

    await h.event(messageEvent(standin, { text: "for 5th graders, playful", threadTs: thread }));
    await waitForInThread(standin, CHANNEL, thread, promptVersion(1), "prompt v1");

    await h.event(messageEvent(standin, { text: "make it shorter", threadTs: thread }));
    const v2 = await waitForInThread(standin, CHANNEL, thread, promptVersion(2), "prompt v2");
    expect(hasBlock(v2, "tailor_prompt")).toBe(true);
  });

  it("a DM: answered in the DM message's thread; skip writes the prompt at once", async () => {
    const h = await start();
    const dm = messageEvent(standin, { text: "a birthday toast for my sister", channelType: "im" });
    await h.event(dm);
    const questions = await waitForInThread(standin, DM, String(dm.ts), isQuestions, "questions");
    expect(questions.thread_ts).toBe(dm.ts);

    await h.click(questions, "tailor_skip");
    await waitForInThread(standin, DM, String(dm.ts), promptVersion(1), "prompt after skip");
    expect(model.calls.some((call) => call.call === "integrate")).toBe(false);
    await waitFor(() => !hasButton(standin.messages.get(questions.ts)!, /^tailor_/), { what: "controls removed" });
  });

  it("typing new while questions are open closes their buttons", async () => {
    const h = await start();
    await h.slash("a job posting");
    const root = await rootMessage();
    const first = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");
    await h.event(messageEvent(standin, { text: "new", threadTs: root.ts }));
    await waitFor(() => !hasButton(standin.messages.get(first.ts)!, /^tailor_/), { what: "old questions closed" });
    expect(JSON.stringify(standin.messages.get(first.ts)?.blocks)).toContain("closed");
  });

  it("acknowledges /tailor at once and shows a working placeholder while the model is still busy", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    model = new FakeModel({
      analyse: async (request) => {
        await gate;
        return defaultAnalyse(request);
      },
    });
    const h = await start();
    await h.slash("a wedding speech"); // resolves on the ack, with the model call still pending
    const root = await rootMessage();
    const placeholder = await waitForInThread(standin, CHANNEL, root.ts, (m) => m.text === "Working on it…");
    expect(model.calls).toHaveLength(1);
    release();
    await waitFor(() => isQuestions(standin.messages.get(placeholder.ts)!), { what: "placeholder became questions" });
  });

  it("an empty /tailor gets an ephemeral usage message and posts nothing", async () => {
    const h = await start();
    const ack = await h.slash("   ");
    expect(ack).toMatchObject({ response_type: "ephemeral" });
    expect(String(ack.text)).toContain("/tailor");
    expect(standin.callsOf("chat.postMessage")).toEqual([]);
    expect(model.calls).toEqual([]);
  });

  it("/tailor where the bot cannot post answers the user privately instead", async () => {
    const h = await start();
    standin.failNext("chat.postMessage", "not_in_channel");
    await h.slash("a toast", { channel: "C0PRIVATE" });
    await waitFor(() => standin.responses.length > 0, { what: "a response_url reply" });
    expect(standin.responses[0]).toMatchObject({ response_type: "ephemeral" });
    expect(String(standin.responses[0]?.text)).toContain("/invite");
    expect(model.calls).toEqual([]);
  });

  it("an intent over the engine's limit gets a clear message naming the limit, and no model call", async () => {
    const h = await start({ maxIntentChars: 100 });
    await h.slash("x".repeat(150));
    const root = await rootMessage();
    // Said to the person who asked only (the engine's reply policy), in the conversation's thread.
    const notice = await waitFor(() => standin.callsOf("chat.postEphemeral")[0], { what: "too-long notice" });
    expect(notice.args).toMatchObject({ user: "U0OWNER", thread_ts: root.ts });
    expect(String(notice.args.text)).toMatch(/100/);
    expect(standin.thread(CHANNEL, root.ts)).toHaveLength(1);
    expect(model.calls).toEqual([]);
  });

  it("a conversation waiting for answers survives a restart (same SQLite file)", async () => {
    tempDir = mkdtempSync(join(tmpdir(), "tailor-slack-"));
    const h = await start({ storeUrl: `sqlite://${join(tempDir, "tailor.sqlite")}` });
    await h.slash("a product announcement tweet");
    const root = await rootMessage();
    const questions = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");

    await h.restart();
    await waitFor(() => standin.connections === 2, { what: "a new Socket Mode connection" });
    await h.event(messageEvent(standin, { text: "developers, upbeat", threadTs: root.ts }));
    await waitForInThread(standin, CHANNEL, root.ts, promptVersion(1), "prompt after restart");
    expect(model.calls.filter((call) => call.call === "analyse")).toHaveLength(1);
    // The new process found the questions message through the saved refs and closed its round.
    await waitFor(() => !hasButton(standin.messages.get(questions.ts)!, /^tailor_/), { what: "closed after restart" });
    expect(JSON.stringify(standin.messages.get(questions.ts)?.blocks)).toContain("Answered: thank you.");
  });

  it("a /tailor delivered twice posts one root message (claimed before anything is posted)", async () => {
    await start();
    const payload = slashCommand(standin, { text: "a press release for our launch" });
    const first = standin.sendEnvelope("slash_commands", payload);
    const second = standin.sendEnvelope("slash_commands", payload);
    await waitFor(() => standin.acks.get(first) && standin.acks.get(second), { what: "both acks" });
    const root = await rootMessage();
    await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const roots = [...standin.messages.values()].filter((m) => m.channel === CHANNEL && !m.thread_ts);
    expect(roots).toHaveLength(1);
    expect(model.calls.filter((call) => call.call === "analyse")).toHaveLength(1);
  });

  it("a stale button and someone else's click each get a short private word, and change nothing", async () => {
    const h = await start();
    await h.slash("a toast for my sister's wedding");
    const root = await rootMessage();
    const questions = structuredClone(await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions"));

    await h.click(questions, /^tailor_answer/, { user: "U0SOMEONE" });
    const notOwner = await waitFor(() => standin.callsOf("chat.postEphemeral")[0], { what: "not-owner note" });
    expect(notOwner.args).toMatchObject({ user: "U0SOMEONE", thread_ts: root.ts });
    expect(String(notOwner.args.text)).toContain("Only the person who asked");

    await h.click(questions, "tailor_skip");
    await waitForInThread(standin, CHANNEL, root.ts, promptVersion(1), "prompt");
    // The payload of a click on the message as it was before the round closed (an old client view).
    await h.click(questions, /^tailor_answer/);
    const stale = await waitFor(() => standin.callsOf("chat.postEphemeral")[1], { what: "already-answered note" });
    expect(stale.args).toMatchObject({ user: "U0OWNER" });
    expect(String(stale.args.text)).toContain("already answered");
    expect(standin.thread(CHANNEL, root.ts).filter(isPrompt)).toHaveLength(1);
  });

  it("a redelivered event and a message + app_mention pair act once", async () => {
    const h = await start();
    const mention = messageEvent(standin, { text: "<@U0TAILOR> a haiku about tea" });
    await h.event(mention, { eventId: "Ev1" });
    await h.event({ ...mention, type: "app_mention", channel_type: undefined }, { eventId: "Ev2" });
    await h.event(mention, { eventId: "Ev1", retry: 1 });
    await waitForInThread(standin, CHANNEL, String(mention.ts), isQuestions, "questions");
    await h.event(messageEvent(standin, { text: "zen", threadTs: String(mention.ts) }));
    await waitForInThread(standin, CHANNEL, String(mention.ts), promptVersion(1), "prompt");
    expect(model.calls.filter((call) => call.call === "analyse")).toHaveLength(1);
    const asked = standin
      .thread(CHANNEL, String(mention.ts))
      .filter((m) => JSON.stringify(m.blocks).includes("Who will read it?"));
    expect(asked).toHaveLength(1);
  });

  it("a failed model step says so with a retry button, and retry carries the conversation on", async () => {
    model = new FakeModel();
    model.failNext("analyse", new Error("boom: internal detail"));
    const h = await start();
    await h.slash("a cover letter for a barista job");
    const root = await rootMessage();
    const failure = await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, "tailor_retry"), "error");
    expect(JSON.stringify(failure.blocks)).not.toContain("internal detail");

    await h.click(failure, "tailor_retry");
    const questions = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions after retry");
    await h.click(questions, "tailor_skip");
    await waitForInThread(standin, CHANNEL, root.ts, promptVersion(1), "prompt after retry");
    await waitFor(() => !hasButton(standin.messages.get(failure.ts)!, "tailor_retry"), { what: "retry removed" });
  });

  it("never posts a live <!channel>, <!here> or <@…> from model text, and stays within Slack's limits", async () => {
    const pings = "<!channel> <!here> <!everyone> <@U999> <!subteam^S1|team>";
    model = new FakeModel({
      synthesize: () =>
        JSON.stringify({ prompt: `${pings}\n${"Write well. ".repeat(400)}`, assumptions: [pings], corrections: [] }),
    });
    const h = await start();
    await h.slash(`a speech ${pings}`);
    const root = await rootMessage();
    const questions = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");
    await h.click(questions, "tailor_skip");
    await waitForInThread(standin, CHANNEL, root.ts, isPrompt, "prompt");
    await waitFor(() => standin.callsOf("files.completeUploadExternal").length > 0, { what: "prompt file" });

    for (const call of standin.calls) {
      for (const text of textsOf(call.args)) {
        expect(text.replaceAll("<@U0OWNER>", "")).not.toMatch(/<[!@]/);
      }
    }
    expect(standin.violations).toEqual([]);
    expect([...standin.uploads.values()][0]?.content).toContain("Write well.");
  });

  it("someone other than the owner cannot answer: the question stays open", async () => {
    const h = await start();
    await h.slash("a thank-you note");
    const root = await rootMessage();
    const questions = await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions");
    await h.click(questions, /^tailor_answer/, { user: "U0SOMEONE" });
    await h.click(questions, "tailor_skip", { user: "U0SOMEONE" });
    // The owner's answer afterwards still lands (so the clicks above were handled, and changed nothing).
    await h.event(messageEvent(standin, { text: "my grandmother", threadTs: root.ts }));
    const prompt = await waitForInThread(standin, CHANNEL, root.ts, promptVersion(1), "owner's prompt");
    // Had the other person's skip counted, there would be no integrate call; had their answer, a pinned audience.
    expect(model.calls.filter((call) => call.call === "integrate")).toHaveLength(1);
    expect(JSON.stringify(prompt.blocks)).not.toContain("audience: Investors");
  });

  it("a rejected bot token or app token stops start() with a message naming the variable", async () => {
    const h = await start();
    const wrongBot = createSlackAdapter({
      botToken: "xoxb-wrong",
      appToken: APP_TOKEN,
      apiUrl: standin.apiUrl,
      engine: h.engine,
      logger: silentLogger,
    });
    await expect(wrongBot.start()).rejects.toThrow(/SLACK_BOT_TOKEN.*invalid_auth/);
    const wrongApp = createSlackAdapter({
      botToken: BOT_TOKEN,
      appToken: "xapp-wrong",
      apiUrl: standin.apiUrl,
      engine: h.engine,
      logger: silentLogger,
    });
    await expect(wrongApp.start()).rejects.toThrow(/SLACK_APP_TOKEN/);
    await wrongApp.stop();
    expect(wrongApp.isConnected()).toBe(false);
  });

  it("a malformed envelope is logged and dropped; the app keeps working", async () => {
    const warnings: string[] = [];
    harness = await SlackHarness.start({
      standin,
      model,
      logger: { ...silentLogger, warn: (message) => warnings.push(message), child: () => silentLogger },
    });
    standin.sendRaw(JSON.stringify({ type: "events_api", envelope_id: "broken-1", payload: {} }));
    standin.sendRaw(JSON.stringify({ type: "events_api", envelope_id: "broken-2" }));
    standin.sendRaw("{not json");
    // Envelopes that parse but miss what a listener reads.
    standin.sendEnvelope("events_api", { type: "event_callback", team_id: "T0STANDIN", event: { type: "message" } });
    standin.sendEnvelope("events_api", { type: "event_callback", event: { type: "app_mention", text: 42 } });
    standin.sendEnvelope("slash_commands", { command: "/tailor", team_id: "T0STANDIN" });
    standin.sendEnvelope("interactive", {
      type: "block_actions",
      team: { id: "T0STANDIN" },
      user: { id: "U1" },
      actions: [],
    });
    await waitFor(() => warnings.length >= 2, { what: "warnings" });
    await harness.slash("a recipe for pancakes");
    const root = await rootMessage();
    await waitForInThread(standin, CHANNEL, root.ts, isQuestions, "questions after malformed envelopes");
    expect(harness.adapter.isConnected()).toBe(true);
  });
});

function findActionsBlockIds(message: StoredMessage): string[] {
  return message.blocks.filter((block) => block.type === "actions").map((block) => String(block.block_id));
}
