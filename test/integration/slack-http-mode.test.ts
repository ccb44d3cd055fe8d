/**
 * The Slack adapter in HTTP mode (no app token): Slack's request signatures are checked at
 * `/slack/events`; signed requests drive the same conversation as Socket Mode.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeModel } from "../fakes/fake-model.js";
import { commandBody, eventBody, sendSigned } from "../fixtures/slack-standin/signed-request.js";
import {
  hasBlock,
  hasButton,
  SIGNING_SECRET,
  SlackHarness,
  waitForInThread,
} from "../fixtures/slack-standin/slack-harness.js";
import { eventCallback, findSelect, messageEvent, slashCommand } from "../fixtures/slack-standin/slack-payloads.js";
import { SlackStandin } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

const CHANNEL = "C0GENERAL";
let standin: SlackStandin;
let harness: SlackHarness;
let model: FakeModel;

beforeEach(async () => {
  standin = await SlackStandin.start();
  model = new FakeModel();
  harness = await SlackHarness.start({ standin, model, mode: "http" });
});

afterEach(async () => {
  await harness.stop();
  await standin.close();
});

describe("Slack in HTTP mode", () => {
  it("rejects a bad or a stale signature with 401 and acts on neither", async () => {
    const body = commandBody(slashCommand(standin, { text: "a cold email" }));
    const form = "application/x-www-form-urlencoded";
    const bad = await sendSigned(harness.eventsUrl, body, form, { signingSecret: SIGNING_SECRET, signature: "v0=00" });
    expect(bad.status).toBe(401);
    const wrongSecret = await sendSigned(harness.eventsUrl, body, form, { signingSecret: "not-the-secret" });
    expect(wrongSecret.status).toBe(401);
    const stale = await sendSigned(harness.eventsUrl, body, form, {
      signingSecret: SIGNING_SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 60,
    });
    expect(stale.status).toBe(401);
    expect(standin.callsOf("chat.postMessage")).toEqual([]);
    expect(model.calls).toEqual([]);
  });

  it("accepts a correctly signed /tailor and carries the conversation to a prompt", async () => {
    const response = await sendSigned(
      harness.eventsUrl,
      commandBody(slashCommand(standin, { text: "a cold email to an investor" })),
      "application/x-www-form-urlencoded",
      { signingSecret: SIGNING_SECRET },
    );
    expect(response.status).toBe(200);
    const root = await waitFor(() => [...standin.messages.values()].find((m) => !m.thread_ts), { what: "root" });
    const questions = await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, /^tailor_answer/));
    await harness.click(questions, "tailor_skip");
    await waitForInThread(standin, CHANNEL, root.ts, (m) => hasBlock(m, "tailor_prompt"), "prompt");
  });

  it("acts once on an event Slack retried (X-Slack-Retry-Num)", async () => {
    const mention = messageEvent(standin, { text: "<@U0TAILOR> a haiku about rain", type: "app_mention" });
    const body = eventBody(eventCallback(mention, "EvRetry"));
    const first = await sendSigned(harness.eventsUrl, body, "application/json", { signingSecret: SIGNING_SECRET });
    const retry = await sendSigned(harness.eventsUrl, body, "application/json", {
      signingSecret: SIGNING_SECRET,
      retryNum: 1,
    });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await waitForInThread(standin, CHANNEL, String(mention.ts), (m) => hasButton(m, /^tailor_answer/));
    await harness.event(messageEvent(standin, { text: "melancholic", threadTs: String(mention.ts) }));
    await waitForInThread(standin, CHANNEL, String(mention.ts), (m) => hasBlock(m, "tailor_prompt"), "prompt");
    expect(model.calls.filter((call) => call.call === "analyse")).toHaveLength(1);
  });

  it("the one-form Submit, a slot's Other… modal and its submission work over signed requests too", async () => {
    await harness.slash("a cold email to an investor");
    const root = await waitFor(() => [...standin.messages.values()].find((m) => !m.thread_ts), { what: "root" });
    const questions = await waitForInThread(standin, CHANNEL, root.ts, (m) => hasButton(m, /^tailor_answer/));
    const [audience, tone] = questions.blocks.filter((b) => b.type === "input").map((b) => String(b.block_id));
    await harness.submitForm(questions, "tailor_answer_submit", { [audience!]: "Investors", [tone!]: "Warm" });
    const v1 = await waitForInThread(
      standin,
      CHANNEL,
      root.ts,
      (m) => m.text.includes("v1") && hasBlock(m, "tailor_prompt"),
    );

    const slot = findSelect(v1, /^tailor_slot_\d+$/);
    await harness.select(v1, slot!.select.action_id, "Other…");
    const opened = await waitFor(() => standin.views[0], { what: "the modal" });
    // A modal's submission is acknowledged with an empty 200 (the modal closes), then acted on.
    expect(await harness.submitView(opened, { tailor_slot_value: "a skeptical angel investor" })).toEqual({});
    const v2 = await waitForInThread(
      standin,
      CHANNEL,
      root.ts,
      (m) => m.text.includes("v2") && hasBlock(m, "tailor_prompt"),
    );
    expect(JSON.stringify(v2.blocks)).toContain("a skeptical angel investor");
  });
});
