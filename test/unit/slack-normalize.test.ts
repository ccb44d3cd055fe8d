import { describe, expect, it } from "vitest";
import { envelopeProblem } from "../../src/platforms/slack/guard-socket-mode.js";
import {
  commandClaim,
  normalizeAction,
  normalizeCommand,
  normalizeMessage,
  type SlackMessageEvent,
} from "../../src/platforms/slack/normalize-events.js";

const ctx = { teamId: "T1", botUserId: "UBOT" };
const msg = (fields: Partial<SlackMessageEvent>): SlackMessageEvent => ({
  type: "message",
  user: "UOWNER",
  text: "hello",
  ts: "100.1",
  channel: "C1",
  channel_type: "channel",
  ...fields,
});

describe("normalizing Slack messages", () => {
  it("starts a conversation in the thread of a channel message that mentions the bot, mention removed", () => {
    expect(normalizeMessage(msg({ text: "<@UBOT> write a cold email" }), ctx)).toEqual({
      eventId: "slack:C1:100.1",
      key: { platform: "slack", workspace: "T1", channel: "C1", thread: "100.1" },
      user: { id: "UOWNER" },
      direct: false,
      kind: "start",
      text: "write a cold email",
    });
  });

  it("gives the message and app_mention deliveries of one mention the same event", () => {
    const asMessage = normalizeMessage(msg({ text: "<@UBOT> hi" }), ctx);
    const asMention = normalizeMessage(msg({ type: "app_mention", text: "<@UBOT> hi", channel_type: undefined }), ctx);
    expect(asMention).toEqual(asMessage);
  });

  it("continues in the existing thread when the mention is inside one", () => {
    const event = normalizeMessage(msg({ text: "<@UBOT> shorter", thread_ts: "90.0" }), ctx);
    expect(event).toMatchObject({ kind: "message", mayStart: true, text: "shorter", key: { thread: "90.0" } });
  });

  it("treats owner replies in a thread as messages that may not start a conversation", () => {
    const event = normalizeMessage(msg({ text: "investors", thread_ts: "90.0" }), ctx);
    expect(event).toMatchObject({ kind: "message", mayStart: false, text: "investors", key: { thread: "90.0" } });
  });

  it("answers a DM in the thread of the DM, and continues a DM thread", () => {
    const dm = normalizeMessage(msg({ channel: "D1", channel_type: "im", text: "a haiku" }), ctx);
    expect(dm).toMatchObject({
      kind: "message",
      mayStart: true,
      direct: true,
      key: { channel: "D1", thread: "100.1" },
    });
    const reply = normalizeMessage(msg({ channel: "D1", channel_type: "im", text: "more", thread_ts: "50.0" }), ctx);
    expect(reply).toMatchObject({ kind: "message", mayStart: true, key: { thread: "50.0" } });
  });

  it("ignores bots, the bot itself, edits and joins, and plain top-level channel chatter", () => {
    expect(normalizeMessage(msg({ bot_id: "B1", thread_ts: "90.0" }), ctx)).toBeUndefined();
    expect(normalizeMessage(msg({ user: "UBOT", thread_ts: "90.0" }), ctx)).toBeUndefined();
    expect(normalizeMessage(msg({ subtype: "message_changed", thread_ts: "90.0" }), ctx)).toBeUndefined();
    expect(normalizeMessage(msg({ subtype: "channel_join", text: "<@UOWNER> joined" }), ctx)).toBeUndefined();
    expect(normalizeMessage(msg({ text: "lunch?" }), ctx)).toBeUndefined();
  });
});

describe("normalizing commands and actions", () => {
  const command = {
    text: "  a cover letter ",
    user_id: "UOWNER",
    user_name: "owner",
    team_id: "T1",
    channel_id: "C1",
    trigger_id: "tr1",
  };

  it("keys a /tailor conversation by the root message's thread", () => {
    expect(normalizeCommand(command, "200.5")).toEqual({
      eventId: "slack:command:tr1",
      key: { platform: "slack", workspace: "T1", channel: "C1", thread: "200.5" },
      user: { id: "UOWNER", name: "owner" },
      direct: false,
      kind: "start",
      text: "a cover letter",
    });
  });

  it("claims a /tailor command before its thread exists, with where and by whom", () => {
    expect(commandClaim(command)).toEqual({
      eventId: "slack:command:tr1",
      place: { platform: "slack", workspace: "T1", channel: "C1" },
      user: { id: "UOWNER", name: "owner" },
      direct: false,
      starts: true,
    });
    expect(commandClaim({ ...command, channel_id: "D5", channel_name: "directmessage" }).direct).toBe(true);
  });

  const body = {
    user: { id: "UOWNER", username: "owner" },
    team: { id: "T1" },
    channel: { id: "C1" },
    container: { message_ts: "300.1", channel_id: "C1", thread_ts: "200.5" },
    message: { ts: "300.1", thread_ts: "200.5" },
  };

  it("turns an answer button into the question id and option text", () => {
    const action = {
      action_id: "tailor_answer_1",
      block_id: "tailor_q:q-aud",
      value: "audience=a=b",
      action_ts: "1.2",
    };
    expect(normalizeAction(body, action)).toEqual({
      channel: "C1",
      messageTs: "300.1",
      event: {
        eventId: "slack:action:C1:300.1:1.2",
        key: { platform: "slack", workspace: "T1", channel: "C1", thread: "200.5" },
        user: { id: "UOWNER", name: "owner" },
        direct: false,
        kind: "answer",
        questionId: "q-aud",
        option: "a=b",
      },
    });
  });

  it("turns skip and retry buttons into skip and retry, and drops unknown controls", () => {
    expect(normalizeAction(body, { action_id: "tailor_skip", block_id: "x", action_ts: "1" })?.event.kind).toBe("skip");
    expect(normalizeAction(body, { action_id: "tailor_retry", block_id: "x", action_ts: "1" })?.event.kind).toBe(
      "retry",
    );
    expect(
      normalizeAction(body, { action_id: "tailor_answer_0", block_id: "other", value: "a=b", action_ts: "1" }),
    ).toBe(undefined);
  });
});

describe("malformed Socket Mode envelopes", () => {
  it("flags an events_api envelope without payload.event and lets sound ones through", () => {
    expect(envelopeProblem(JSON.stringify({ type: "events_api", envelope_id: "e", payload: {} }))).toBeDefined();
    expect(envelopeProblem(JSON.stringify({ type: "events_api", envelope_id: "e" }))).toBeDefined();
    expect(envelopeProblem(JSON.stringify({ type: "events_api", payload: { event: { type: "message" } } }))).toBe(
      undefined,
    );
    expect(envelopeProblem(JSON.stringify({ type: "hello" }))).toBeUndefined();
    expect(envelopeProblem("not json")).toBeUndefined();
  });
});
