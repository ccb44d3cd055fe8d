import { describe, expect, it } from "vitest";
import { type MessageFacts, routeMessage, withoutBotMention } from "../../src/platforms/discord/route-message.js";

const BOT = "100";
const facts = (overrides: Partial<MessageFacts>): MessageFacts => ({
  authorId: "7",
  authorIsBot: false,
  system: false,
  content: "hello",
  mentionsBot: false,
  channelKind: "text",
  ...overrides,
});
const route = (overrides: Partial<MessageFacts>, messageContent = false) =>
  routeMessage(facts(overrides), { id: BOT, messageContent });

describe("routeMessage", () => {
  it("ignores the bot itself, other bots and system messages", () => {
    expect(route({ authorId: BOT, mentionsBot: true }).action).toBe("ignore");
    expect(route({ authorIsBot: true, mentionsBot: true }).action).toBe("ignore");
    expect(route({ system: true, mentionsBot: true }).action).toBe("ignore");
  });

  it("starts a conversation in a thread for a mention in a guild channel, without the mention", () => {
    expect(route({ content: `<@${BOT}> write a cold email`, mentionsBot: true })).toEqual({
      action: "start-in-thread",
      text: "write a cold email",
    });
    expect(route({ content: "just chatting" }).action).toBe("ignore");
  });

  it("passes every DM message on and lets it start a conversation", () => {
    expect(route({ channelKind: "dm", content: "a haiku about rain" })).toEqual({
      action: "message",
      text: "a haiku about rain",
      mayStart: true,
    });
  });

  it("needs a mention in a thread unless the message-content intent is on", () => {
    expect(route({ channelKind: "thread", content: "investors" }).action).toBe("ignore");
    expect(route({ channelKind: "thread", content: `<@!${BOT}> investors`, mentionsBot: true })).toEqual({
      action: "message",
      text: "investors",
      mayStart: false,
    });
    expect(route({ channelKind: "thread", content: "investors" }, true)).toEqual({
      action: "message",
      text: "investors",
      mayStart: false,
    });
  });
});

describe("withoutBotMention", () => {
  it("removes every mention of the bot and keeps other text and line breaks", () => {
    expect(withoutBotMention(`<@${BOT}>  write\n <@!${BOT}> a poem <@200>`, BOT)).toBe("write\na poem <@200>");
  });
});
