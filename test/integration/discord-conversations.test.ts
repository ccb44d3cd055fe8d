/**
 * Whole conversations on Discord: real discord.js against the stand-in, the real engine with the
 * FakeModel, a real SQLite store and the real library.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DiscordBot, startDiscordBot } from "../fixtures/discord-standin/discord-bot.js";
import {
  botMessagesIn,
  controlsOf,
  openQuestions,
  waitForPrompt,
  waitForQuestions,
} from "../fixtures/discord-standin/standin-views.js";
import {
  type DiscordStandin,
  type StandinMessage,
  type StandinUser,
  startDiscordStandin,
} from "../fixtures/discord-standin/start-discord-standin.js";

const SUCCESS_STYLE = 3;

describe("Discord conversations", () => {
  let standin: DiscordStandin;
  let bot: DiscordBot;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tailor-discord-"));
    standin = await startDiscordStandin();
    bot = await startDiscordBot(standin, { storeUrl: `sqlite://${join(dir, "tailor.sqlite")}` });
  });

  afterAll(async () => {
    await bot?.stop();
    await standin?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Clicks the first option of every open question, one at a time; returns the chosen labels. */
  async function answerWithButtons(message: StandinMessage, user?: StandinUser): Promise<string[]> {
    const chosen: string[] = [];
    for (;;) {
      const current = standin.world.messages.get(message.id);
      const button = current && controlsOf(current).find((c) => c.customId.startsWith("tailor:answer:") && !c.disabled);
      if (!button?.label) return chosen;
      chosen.push(button.label);
      standin.clickButton({ messageId: message.id, customId: button.customId, ...(user ? { user } : {}) });
      await standin.waitFor(`${button.label} recorded`, () => {
        const after = standin.world.messages.get(message.id);
        return after && controlsOf(after).find((c) => c.customId === button.customId)?.disabled;
      });
    }
  }

  const newThreads = () => [...standin.world.channels.values()].filter((c) => c.type === 11);

  it("/tailor is deferred first, moves into a thread that shows owner and intent, and buttons lead to the prompt", async () => {
    const intent = "write a cold email to an investor about our seed round";
    const interaction = standin.slashCommand({ channelId: standin.world.textChannelId, intent });
    const thread = await standin.waitFor("the conversation's thread", () =>
      newThreads().find((c) => c.parentId === standin.world.textChannelId && c.name === intent),
    );

    // The first thing the bot does with the interaction is the deferral (type 5, visible to all).
    const interactionCalls = standin.calls.filter((c) => c.path.includes(interaction.token));
    expect(interactionCalls[0]?.path).toBe(`/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(interactionCalls[0]?.body).toEqual({ type: 5, data: { flags: 0 } });
    // The deferred reply became the thread's starter message: the owner and the intent.
    const starter = standin.world.messages.get(thread.id);
    expect(starter?.content).toContain(`<@${standin.world.owner.id}>`);
    expect(starter?.content).toContain(intent);

    const questions = await waitForQuestions(standin, thread.id);
    const chosen = await answerWithButtons(questions);
    expect(chosen.length).toBeGreaterThan(0);
    const [prompt] = await waitForPrompt(standin, thread.id);
    for (const label of chosen) expect(prompt?.content).toContain(label);

    // The answered controls stay visible, disabled, with each choice highlighted.
    const settled = controlsOf(standin.world.messages.get(questions.id)!);
    expect(settled.every((c) => c.disabled)).toBe(true);
    for (const label of chosen) expect(settled.find((c) => c.label === label)?.style).toBe(SUCCESS_STYLE);
  });

  it("a mention opens a thread on the message, and the modal answers in the owner's own words", async () => {
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "plan a team offsite agenda",
      mentionBot: true,
    });
    const questions = await waitForQuestions(standin, mention.id);
    expect(standin.world.channels.get(mention.id)?.parentId).toBe(standin.world.textChannelId);

    const other = controlsOf(questions).find((c) => c.customId.startsWith("tailor:other:"));
    const opening = standin.clickButton({ messageId: questions.id, customId: other!.customId });
    const modal = await standin.waitFor("the modal", () => opening.callbacks.find((c) => c.type === 9)?.data);
    const inputs = (modal.components as Array<{ component: { custom_id: string } }>).map((l) => l.component.custom_id);
    expect(inputs.length).toBeGreaterThan(0);
    const words = ["twelve engineers who rarely meet", "relaxed but focused", "two days"];
    standin.submitModal({
      messageId: questions.id,
      customId: String(modal.custom_id),
      fields: Object.fromEntries(inputs.map((id, i) => [id, words[i] ?? "no preference"])),
    });

    const [prompt] = await waitForPrompt(standin, mention.id);
    expect(prompt?.content).toContain(words[0]);
    expect(controlsOf(standin.world.messages.get(questions.id)!).every((c) => c.disabled)).toBe(true);
  });

  it("a DM holds its conversation: buttons give v1, a message refines it into v2", async () => {
    const person = standin.world.newUser("dm-person");
    const dm = standin.world.dmChannelFor(person);
    standin.postMessage({ channelId: dm.id, author: person, content: "a toast for my sister's wedding" });
    const questions = await waitForQuestions(standin, dm.id);
    await answerWithButtons(questions, person);
    await waitForPrompt(standin, dm.id, 1);

    standin.postMessage({ channelId: dm.id, author: person, content: "make it shorter and add a joke about her dog" });
    const [v2] = await waitForPrompt(standin, dm.id, 2);
    expect(v2?.content).toContain("(refined)");
    // Everything stayed in the DM: no thread was opened for it.
    expect(newThreads().some((t) => t.name?.includes("toast"))).toBe(false);
  });

  it("a typed answer in a DM answers the round and leaves no live buttons behind", async () => {
    const person = standin.world.newUser("typist");
    const dm = standin.world.dmChannelFor(person);
    standin.postMessage({ channelId: dm.id, author: person, content: "a birthday message for my grandmother" });
    const questions = await waitForQuestions(standin, dm.id);
    standin.postMessage({ channelId: dm.id, author: person, content: "for family, warm and gentle" });
    const [prompt] = await waitForPrompt(standin, dm.id);
    expect(prompt?.content).toContain("for family, warm and gentle");
    await standin.waitFor("the old round closed", () =>
      controlsOf(standin.world.messages.get(questions.id)!).every((c) => c.disabled),
    );
  });

  it("skip writes the prompt at once and closes the round's controls", async () => {
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "a lesson plan about photosynthesis",
      mentionBot: true,
    });
    const questions = await waitForQuestions(standin, mention.id);
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    await waitForPrompt(standin, mention.id);
    expect(controlsOf(standin.world.messages.get(questions.id)!).every((c) => c.disabled)).toBe(true);
    expect(openQuestions(standin, mention.id)).toBeUndefined();

    // Without the message-content intent a plain thread message is not for the bot; a mention is.
    standin.postMessage({ channelId: mention.id, content: "for 10 year olds" });
    await standin.settle();
    expect(botMessagesIn(standin, mention.id).some((m) => m.content.startsWith("**Prompt v2**"))).toBe(false);
    standin.postMessage({ channelId: mention.id, content: "for 10 year olds", mentionBot: true });
    await waitForPrompt(standin, mention.id, 2);
  });

  it("someone else's click and a stale click each get a short private word and change nothing", async () => {
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "a packing list for a hiking weekend",
      mentionBot: true,
    });
    const questions = await waitForQuestions(standin, mention.id);
    const answer = controlsOf(questions).find((c) => c.customId.startsWith("tailor:answer:"));
    if (!answer) throw new Error("no answer button");
    const privateNote = (text: string) =>
      standin.waitFor(text, () =>
        [...standin.world.messages.values()].find(
          (m) => m.channel_id === mention.id && (m.flags & 64) !== 0 && m.content.includes(text),
        ),
      );

    standin.clickButton({ messageId: questions.id, customId: answer.customId, user: standin.world.newUser("other") });
    await privateNote("Only the person who asked");
    expect(
      controlsOf(standin.world.messages.get(questions.id)!).find((c) => c.customId === answer.customId),
    ).toMatchObject({
      disabled: false,
    });

    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    await waitForPrompt(standin, mention.id);
    standin.clickButton({ messageId: questions.id, customId: answer.customId });
    await privateNote("already answered");
    expect(botMessagesIn(standin, mention.id).filter((m) => m.content.startsWith("**Prompt v"))).toHaveLength(1);
  });

  it("an empty /tailor gets a private usage line and opens nothing", async () => {
    const threadsBefore = newThreads().length;
    const interaction = standin.slashCommand({ channelId: standin.world.textChannelId });
    const usage = await standin.waitFor("the usage reply", () => {
      const original = interaction.originalId ? standin.world.messages.get(interaction.originalId) : undefined;
      return original?.content ? original : undefined;
    });
    expect(interaction.callbacks[0]).toEqual({ type: 5, data: { flags: 64 } });
    expect(usage.content).toMatch(/tailor/i);
    expect(newThreads()).toHaveLength(threadsBefore);
  });

  it("an oversized intent is refused privately, naming the limit", async () => {
    const threadsBefore = newThreads().length;
    const analyseBefore = bot.model.calls.filter((c) => c.call === "analyse").length;
    const interaction = standin.slashCommand({ channelId: standin.world.textChannelId, intent: "word ".repeat(1000) });
    const refusal = await standin.waitFor("the refusal", () => {
      const original = interaction.originalId ? standin.world.messages.get(interaction.originalId) : undefined;
      return original?.content ? original : undefined;
    });
    expect(interaction.callbacks[0]).toEqual({ type: 5, data: { flags: 64 } });
    expect(refusal.content).toMatch(/4[,.\s]?000/);
    expect(newThreads()).toHaveLength(threadsBefore);
    expect(bot.model.calls.filter((c) => c.call === "analyse")).toHaveLength(analyseBefore);
  });

  it("every message the bot sent parses no mentions and fits in 2000 characters", () => {
    const sent = standin.sentMessages();
    expect(sent.length).toBeGreaterThan(10);
    for (const { payload } of sent) {
      expect(payload.allowed_mentions).toEqual({ parse: [], replied_user: false });
      expect(String(payload.content ?? "").length).toBeLessThanOrEqual(2000);
    }
    // Conversations live in threads and DMs: in the channel itself the bot only answered /tailor.
    expect(botMessagesIn(standin, standin.world.textChannelId).every((m) => m.webhook_id)).toBe(true);
  });
});
