import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { defaultsCommand } from "../../src/platforms/discord/handle-defaults.js";
import type { ActionRow } from "../../src/platforms/discord/message-view.js";
import {
  type DiscordMessageFacts,
  type DiscordPlace,
  keyOfPlace,
  normalizeCommand,
  normalizeComponent,
  normalizeMessage,
  normalizeModal,
} from "../../src/platforms/discord/normalize-events.js";

const BOT = { id: "100", messageContent: false };
const USER = { id: "7", name: "Ada" };
const text: DiscordPlace = { kind: "text", guildId: "G1", channelId: "C1" };
const thread: DiscordPlace = { kind: "thread", guildId: "G1", channelId: "T1", parentId: "C1" };
const dm: DiscordPlace = { kind: "dm", channelId: "D1" };

const message = (overrides: Partial<DiscordMessageFacts>): DiscordMessageFacts => ({
  id: "m1",
  place: text,
  user: USER,
  authorId: USER.id,
  authorIsBot: false,
  system: false,
  content: "<@100> a cover letter",
  mentionsBot: true,
  ...overrides,
});

const rows: ActionRow[] = [
  {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: "tailor:answer:r1q1:0",
        label: "Investors",
      },
      {
        type: ComponentType.Button,
        style: ButtonStyle.Secondary,
        custom_id: "tailor:answer:r1q1:1",
        label: "Customers",
      },
    ],
  },
];

describe("Discord places and keys", () => {
  it("keys a DM by its channel, a thread under its parent, and a channel by itself", () => {
    expect(keyOfPlace(dm)).toEqual({ platform: "discord", workspace: "@dm", channel: "D1", thread: "D1" });
    expect(keyOfPlace(thread)).toEqual({ platform: "discord", workspace: "G1", channel: "C1", thread: "T1" });
    expect(keyOfPlace(text)).toEqual({ platform: "discord", workspace: "G1", channel: "C1", thread: "C1" });
    expect(keyOfPlace({ ...thread, parentId: undefined } as DiscordPlace)).toBeUndefined();
  });
});

describe("normalizing Discord messages", () => {
  it("a mention in a guild channel asks for a thread; the claim knows where and who before it exists", () => {
    const normalized = normalizeMessage(message({}), BOT);
    if (normalized.action !== "start-in-thread") throw new Error(`unexpected ${normalized.action}`);
    expect(normalized.claim).toEqual({
      eventId: "discord:msg:m1",
      place: { platform: "discord", workspace: "G1", channel: "C1" },
      user: USER,
      direct: false,
      starts: true,
    });
    const key = { platform: "discord" as const, workspace: "G1", channel: "C1", thread: "m1" };
    expect(normalized.inThread(key)).toEqual({
      eventId: "discord:msg:m1",
      key,
      user: USER,
      direct: false,
      kind: "start",
      text: "a cover letter",
    });
    expect(normalized.event.key.thread).toBe("C1");
  });

  it("a DM message is a direct message that may start a conversation", () => {
    const normalized = normalizeMessage(message({ place: dm, content: "a haiku", mentionsBot: false }), BOT);
    expect(normalized).toMatchObject({
      action: "message",
      claim: { direct: true, starts: true, place: { workspace: "@dm" } },
      event: { kind: "message", text: "a haiku", mayStart: true, direct: true },
    });
  });

  it("thread text needs a mention without the message-content intent, and never starts one", () => {
    expect(normalizeMessage(message({ place: thread, content: "shorter", mentionsBot: false }), BOT).action).toBe(
      "ignore",
    );
    const withIntent = normalizeMessage(message({ place: thread, content: "shorter", mentionsBot: false }), {
      ...BOT,
      messageContent: true,
    });
    expect(withIntent).toMatchObject({
      action: "message",
      claim: { starts: false, place: { channel: "C1" } },
      event: { key: { thread: "T1" }, mayStart: false },
    });
  });

  it("ignores the bot itself, other bots and system messages", () => {
    expect(normalizeMessage(message({ authorId: "100" }), BOT).action).toBe("ignore");
    expect(normalizeMessage(message({ authorIsBot: true }), BOT).action).toBe("ignore");
    expect(normalizeMessage(message({ system: true }), BOT).action).toBe("ignore");
  });
});

describe("normalizing Discord interactions", () => {
  it("/tailor: the claim first, then the event wherever the conversation ends up", () => {
    const command = normalizeCommand({ interactionId: "i1", place: text, user: USER, intent: "  a toast " });
    expect(command.claim).toMatchObject({ eventId: "discord:int:i1", starts: true, direct: false });
    const inThread = { platform: "discord" as const, workspace: "G1", channel: "C1", thread: "T9" };
    expect(command.event(inThread)).toMatchObject({ kind: "start", text: "a toast", key: inThread });
    expect(command.event()?.key.thread).toBe("C1");
  });

  it("an answer button carries its option's text, read from the message's rows", () => {
    const base = { interactionId: "i2", place: thread, user: USER, rows };
    expect(normalizeComponent({ ...base, customId: "tailor:answer:r1q1:1", component: "button" })).toMatchObject({
      action: "turn",
      claim: { eventId: "discord:int:i2", starts: false },
      event: { kind: "answer", questionId: "r1q1", option: "Customers", key: { thread: "T1" } },
    });
    expect(normalizeComponent({ ...base, customId: "tailor:answer:r1q1:9", component: "button" }).action).toBe(
      "ignore",
    );
    expect(normalizeComponent({ ...base, customId: "tailor:skip", component: "button" })).toMatchObject({
      action: "turn",
      event: { kind: "skip" },
    });
    expect(normalizeComponent({ ...base, customId: "tailor:other:1:r1q1", component: "button" }).action).toBe(
      "open-modal",
    );
    expect(normalizeComponent({ ...base, customId: "someone-else:x", component: "button" }).action).toBe("ignore");
  });

  it("a select answers with the option at its value's index; garbage values are dropped", () => {
    const selectRows: ActionRow[] = [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.StringSelect,
            custom_id: "tailor:answer:r1q2",
            options: [
              { label: "Formal", value: "0" },
              { label: "Warm", value: "1" },
            ],
          },
        ],
      },
    ];
    const base = { interactionId: "i3", place: dm, user: USER, rows: selectRows, customId: "tailor:answer:r1q2" };
    expect(normalizeComponent({ ...base, component: "select", values: ["1"] })).toMatchObject({
      event: { kind: "answer", option: "Warm", direct: true },
    });
    expect(normalizeComponent({ ...base, component: "select", values: ["x"] }).action).toBe("ignore");
    expect(normalizeComponent({ ...base, component: "select", values: [] }).action).toBe("ignore");
  });

  it("a modal sends only new answers; an all-empty one is claimed but changes nothing", () => {
    const base = { interactionId: "i4", place: thread, user: USER, customId: "tailor:modal:1" };
    const round = { round: 1, questions: [{ id: "r1q1", text: "Who?", answer: "Investors" }] };
    const fields = new Map([
      ["r1q1", "Investors"],
      ["r1q2", " warm "],
    ]);
    expect(normalizeModal({ ...base, fields, round })).toMatchObject({
      action: "turn",
      event: { kind: "answers", answers: { r1q2: "warm" } },
    });
    expect(normalizeModal({ ...base, fields: new Map([["r1q2", "  "]]), round }).action).toBe("empty");
    expect(normalizeModal({ ...base, customId: "nope", fields, round }).action).toBe("ignore");
  });
});

describe("Stop and /tailor defaults", () => {
  it("the Stop button is a stop event for the conversation of its thread", () => {
    const stop = normalizeComponent({
      interactionId: "i9",
      place: thread,
      user: USER,
      customId: "tailor:stop",
      component: "button",
      rows: [],
    });
    expect(stop.action === "turn" && stop.event).toMatchObject({
      kind: "stop",
      eventId: "discord:int:i9",
      key: { platform: "discord", workspace: "G1", channel: "C1", thread: "T1" },
    });
  });

  it("`defaults` as the first word of the intent is the defaults command, with what follows it", () => {
    expect(defaultsCommand("defaults")).toBe("");
    expect(defaultsCommand("  Defaults set tone=friendly; audience=new hires ")).toBe(
      "set tone=friendly; audience=new hires",
    );
    expect(defaultsCommand("defaults clear")).toBe("clear");
    expect(defaultsCommand("defaultsy thing")).toBeUndefined();
    expect(defaultsCommand("explain sensible defaults for a config file")).toBeUndefined();
  });
});
