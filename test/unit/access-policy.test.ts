import { describe, expect, it } from "vitest";
import { type AccessRules, openAccess, withAccessPolicy } from "../../src/core/access/access-policy.js";
import type { ConversationKey } from "../../src/core/conversation.js";
import { withPolicy } from "../../src/core/engine/reply-policy.js";
import type { EngineReply, InboundEvent, TailorEngine } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";

const channelKey: ConversationKey = { platform: "slack", workspace: "T1", channel: "C1", thread: "1.0" };
const slackDm: ConversationKey = { platform: "slack", workspace: "T1", channel: "D9", thread: "2.0" };
const discordDm: ConversationKey = { platform: "discord", workspace: "@dm", channel: "55", thread: "55" };

const recordingEngine = () => {
  const seen: InboundEvent[] = [];
  const claims: string[] = [];
  const engine: TailorEngine = {
    claim: async (request) => {
      claims.push(request.eventId);
      return { claimed: true };
    },
    handle: async (event) => {
      seen.push(event);
      return [withPolicy({ kind: "notice", code: "help", text: "engine ran" })] satisfies EngineReply[];
    },
    defaults: async () => [withPolicy({ kind: "notice", code: "defaults", text: "defaults ran" })],
  };
  return { engine, seen, claims };
};

/** Direct messages are what the event says, not a platform's channel-id habit. */
const isDm = (key: ConversationKey) => key === slackDm || key === discordDm;

const start = (key: ConversationKey, user = "U1"): InboundEvent => ({
  eventId: `e-${Math.random()}`,
  key,
  user: { id: user },
  direct: isDm(key),
  kind: "start",
  text: "write a cold email",
});

const run = async (rules: Partial<AccessRules>, event: InboundEvent) => {
  const { engine, seen } = recordingEngine();
  const replies = await withAccessPolicy(engine, { ...openAccess, ...rules }, silentLogger).handle(event);
  return { replies, reachedEngine: seen.length === 1 };
};

describe("access rules", () => {
  it("lets everything through by default", async () => {
    expect((await run({}, start(channelKey))).reachedEngine).toBe(true);
    expect((await run({}, start(slackDm))).reachedEngine).toBe(true);
  });

  it("answers a blocked user's new conversation with a refusal and never runs the engine", async () => {
    const { replies, reachedEngine } = await run({ blockUsers: ["U1"] }, start(channelKey));
    expect(reachedEngine).toBe(false);
    expect(replies).toEqual([expect.objectContaining({ kind: "notice", code: "not_allowed" })]);
  });

  it("drops a blocked user's clicks silently", async () => {
    const event: InboundEvent = { eventId: "x", key: channelKey, user: { id: "U1" }, direct: false, kind: "skip" };
    expect(await run({ blockUsers: ["U1"] }, event)).toEqual({ replies: [], reachedEngine: false });
  });

  it("blocks a channel, and honours allow lists for channels and workspaces", async () => {
    expect((await run({ blockChannels: ["C1"] }, start(channelKey))).reachedEngine).toBe(false);
    expect((await run({ allowChannels: ["C2"] }, start(channelKey))).reachedEngine).toBe(false);
    expect((await run({ allowChannels: ["C1"] }, start(channelKey))).reachedEngine).toBe(true);
    expect((await run({ allowWorkspaces: ["T2"] }, start(channelKey))).reachedEngine).toBe(false);
    expect((await run({ blockWorkspaces: ["T1"] }, start(channelKey))).reachedEngine).toBe(false);
  });

  it("turns DMs off on both platforms with a message saying where to go instead", async () => {
    for (const key of [slackDm, discordDm]) {
      const dm: InboundEvent = {
        eventId: "d",
        key,
        user: { id: "U1" },
        direct: true,
        kind: "message",
        text: "hi",
        mayStart: true,
      };
      const { replies, reachedEngine } = await run({ directMessages: false }, dm);
      expect(reachedEngine).toBe(false);
      expect(replies).toEqual([expect.objectContaining({ kind: "notice", code: "dms_off" })]);
    }
    expect((await run({ directMessages: false }, start(channelKey))).reachedEngine).toBe(true);
    // A channel whose id happens to look like a Slack DM is not a DM unless the event says so.
    const lookalike: ConversationKey = { platform: "slack", workspace: "T1", channel: "D1", thread: "3.0" };
    expect((await run({ directMessages: false }, start(lookalike))).reachedEngine).toBe(true);
  });

  it("applies the rules at the claim, before an adapter posts anything", async () => {
    const { engine, claims } = recordingEngine();
    const policed = withAccessPolicy(engine, { ...openAccess, blockUsers: ["U1"] }, silentLogger);
    const place = { platform: "slack" as const, workspace: "T1", channel: "C1" };
    const refused = await policed.claim({ eventId: "c1", place, user: { id: "U1" }, direct: false, starts: true });
    expect(refused).toEqual({
      claimed: false,
      replies: [expect.objectContaining({ code: "not_allowed", visibility: "private" })],
    });
    // Claimed all the same: a redelivery is not told twice.
    expect(claims).toEqual(["c1"]);
    const click = await policed.claim({ eventId: "c2", place, user: { id: "U1" }, direct: false, starts: false });
    expect(click).toEqual({ claimed: false, replies: [] });
    expect(await policed.claim({ eventId: "c3", place, user: { id: "U2" }, direct: false, starts: true })).toEqual({
      claimed: true,
    });
  });
});
