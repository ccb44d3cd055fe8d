/**
 * What goes wrong on Discord and how the bot copes: restarts, replayed events, a bad token, a failed
 * model step, expired interaction tokens, archived threads, long prompts, other bots.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import { silentLogger } from "../../src/log/logger.js";
import { createDiscordAdapter } from "../../src/platforms/discord/create-discord-adapter.js";
import { defaultAnalyse, defaultSynthesize, FakeModel } from "../fakes/fake-model.js";
import { type DiscordBot, startDiscordBot } from "../fixtures/discord-standin/discord-bot.js";
import {
  botMessagesIn,
  controlsOf,
  promptMessages,
  waitForPrompt,
  waitForQuestions,
} from "../fixtures/discord-standin/standin-views.js";
import { type DiscordStandin, startDiscordStandin } from "../fixtures/discord-standin/start-discord-standin.js";

const engineStub = {
  claim: async () => ({ claimed: true as const }),
  handle: async () => [],
  defaults: async () => [],
};

describe("Discord resilience", () => {
  let standin: DiscordStandin;
  let dir: string;
  let storeUrl: string;
  let bot: DiscordBot | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tailor-discord-"));
    storeUrl = `sqlite://${join(dir, "tailor.sqlite")}`;
    standin = await startDiscordStandin();
  });

  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  afterAll(async () => {
    await standin?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("a conversation waiting for answers goes on after a restart (same SQLite file, new client and engine)", async () => {
    bot = await startDiscordBot(standin, { storeUrl });
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "a cover letter for a junior data analyst job",
      mentionBot: true,
    });
    const questions = await waitForQuestions(standin, mention.id);
    await bot.stop();
    expect(bot.adapter.isConnected()).toBe(false);

    bot = await startDiscordBot(standin, { storeUrl });
    expect(bot.adapter.isConnected()).toBe(true);
    // Guilds, guild messages and DMs; no privileged message-content intent unless asked for.
    expect(standin.identifies.at(-1)?.intents).toBe(1 | (1 << 9) | (1 << 12));
    // A typed answer: the new process closes the old round's controls, found through the saved refs.
    standin.postMessage({ channelId: mention.id, content: "for a data team, concise", mentionBot: true });
    const [prompt] = await waitForPrompt(standin, mention.id);
    expect(prompt).toBeDefined();
    await standin.waitFor("the round closed after the restart", () =>
      controlsOf(standin.world.messages.get(questions.id)!).every((c) => c.disabled),
    );
    // The new engine did not analyse again: it went on from the saved questions.
    expect(bot.model.callsOf("analyse")).toHaveLength(0);
  });

  it("a replayed MESSAGE_CREATE, even after a restart, makes one conversation", async () => {
    bot = await startDiscordBot(standin, { storeUrl });
    const intent = "a recipe for a vegan lasagna";
    const mention = standin.postMessage({ channelId: standin.world.textChannelId, content: intent, mentionBot: true });
    await waitForQuestions(standin, mention.id);
    standin.replayMessage(mention);
    await standin.settle();

    await bot.stop();
    bot = await startDiscordBot(standin, { storeUrl });
    standin.replayMessage(mention);
    await standin.settle();

    const threads = [...standin.world.channels.values()].filter((c) => c.type === 11 && c.name === intent);
    expect(threads).toHaveLength(1);
    const questionMessages = botMessagesIn(standin, mention.id).filter((m) =>
      controlsOf(m).some((c) => c.customId.startsWith("tailor:answer:")),
    );
    expect(questionMessages).toHaveLength(1);
    expect(bot.model.callsOf("analyse")).toHaveLength(0);
  });

  it("a rejected token fails start once with a clear error, without a retry loop", async () => {
    const before = standin.calls.length;
    const adapter = createDiscordAdapter({
      token: "not-the-token",
      apiUrl: standin.apiUrl,
      engine: engineStub,
      logger: silentLogger,
    });
    const failure = await adapter.start().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TailorError);
    expect((failure as TailorError).code).toBe("config.invalid");
    expect((failure as TailorError).message).toContain("DISCORD_TOKEN");
    expect(standin.calls.slice(before).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      "GET /gateway/bot 401",
    ]);
    expect(adapter.isConnected()).toBe(false);
  });

  it("a failed step shows a user-safe error with a retry button that re-runs it", async () => {
    const model = new FakeModel().failNext("analyse", new Error("CUDA out of memory at 0xdeadbeef"));
    bot = await startDiscordBot(standin, { storeUrl, model });
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "a speech for a retirement party",
      mentionBot: true,
    });
    const failed = await standin.waitFor("the error", () =>
      botMessagesIn(standin, mention.id).find((m) => controlsOf(m).some((c) => c.customId === "tailor:retry")),
    );
    expect(failed.content).not.toContain("CUDA");
    expect(failed.content).not.toContain("0xdeadbeef");

    standin.clickButton({ messageId: failed.id, customId: "tailor:retry" });
    await waitForQuestions(standin, mention.id);
    expect(controlsOf(standin.world.messages.get(failed.id)!).every((c) => c.disabled)).toBe(true);
  });

  it("past the interaction token's lifetime, replies go to the channel instead of the webhook", async () => {
    bot = await startDiscordBot(standin, { storeUrl });
    const person = standin.world.newUser("late-person");
    const dm = standin.world.dmChannelFor(person);
    const interaction = standin.slashCommand({
      channelId: dm.id,
      user: person,
      intent: "a study plan for the GRE",
      createdAt: Date.now() - 14.5 * 60_000,
    });
    await waitForQuestions(standin, dm.id);
    expect(interaction.callbacks[0]?.type).toBe(5);
    expect(standin.calls.filter((c) => c.path.startsWith("/webhooks/") && c.path.includes(interaction.token))).toEqual(
      [],
    );
    expect(standin.calls.some((c) => c.method === "POST" && c.path === `/channels/${dm.id}/messages`)).toBe(true);
  });

  it("an archived conversation thread is unarchived when the owner comes back", async () => {
    bot = await startDiscordBot(standin, { storeUrl });
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "a product description for handmade soap",
      mentionBot: true,
    });
    const questions = await waitForQuestions(standin, mention.id);
    standin.archiveThread(mention.id);
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    await waitForPrompt(standin, mention.id);
    expect(
      standin.calls.some(
        (c) => c.method === "PATCH" && c.path === `/channels/${mention.id}` && c.body && "archived" in c.body,
      ),
    ).toBe(true);
    expect(standin.world.channels.get(mention.id)?.archived).toBe(false);
  });

  it("while the model is busy: typing, the queue position with a Stop button, replaced by the answer", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const model = new FakeModel({
      analyse: async (request) => {
        request.onQueuePosition?.(2);
        await gate;
        request.onQueuePosition?.(0);
        return defaultAnalyse(request);
      },
    });
    bot = await startDiscordBot(standin, { storeUrl, model });
    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "release notes for version 2.0",
      mentionBot: true,
    });
    const queued = await standin.waitFor("the queue position", () =>
      botMessagesIn(standin, mention.id).find((m) => m.content.includes("position 2 in the queue")),
    );
    expect(standin.calls.some((c) => c.method === "POST" && c.path === `/channels/${mention.id}/typing`)).toBe(true);
    expect(controlsOf(queued).map((c) => c.customId)).toEqual(["tailor:stop"]);
    release();
    const questions = await waitForQuestions(standin, mention.id);
    // The indicator became the questions message: no queue position, no Stop button left anywhere.
    expect(questions.id).toBe(queued.id);
    expect(questions.content).not.toContain("in line");
    const left = botMessagesIn(standin, mention.id).flatMap((m) => controlsOf(m).map((c) => c.customId));
    expect(left).not.toContain("tailor:stop");
  });

  it("splits a long prompt into 2–3 fenced messages and attaches a longer one as prompt.md", async () => {
    const paragraphs = (n: number) =>
      Array.from({ length: n }, (_, i) => `Section ${i}: ${"explain the step clearly and briefly. ".repeat(12)}`);
    let size = 8;
    const model = new FakeModel({
      synthesize: async (request) => {
        const base = JSON.parse(String(await defaultSynthesize(request)));
        return JSON.stringify({ ...base, prompt: [base.prompt, ...paragraphs(size)].join("\n\n") });
      },
    });
    bot = await startDiscordBot(standin, { storeUrl, model });

    const first = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "an onboarding guide for new support agents",
      mentionBot: true,
    });
    const questions = await waitForQuestions(standin, first.id);
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    const parts = await waitForPrompt(standin, first.id);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.length).toBeLessThanOrEqual(3);
    for (const part of parts) {
      expect(part.content.length).toBeLessThanOrEqual(2000);
      expect((part.content.match(/```/g) ?? []).length % 2).toBe(0);
    }

    size = 60;
    standin.postMessage({ channelId: first.id, content: "add more detail", mentionBot: true });
    const [attached] = await waitForPrompt(standin, first.id, 2);
    expect(promptMessages(standin, first.id, 2)).toHaveLength(1);
    expect(attached?.attachments.map((a) => a.filename)).toEqual(["prompt.md"]);
    expect(attached?.attachments[0]?.content).toContain("Section 59");
  });

  it("ignores other bots, and plain thread messages count only with the message-content intent", async () => {
    bot = await startDiscordBot(standin, { storeUrl, messageContent: true });
    expect(standin.identifies.at(-1)?.intents).toBe(1 | (1 << 9) | (1 << 12) | (1 << 15));
    const threadsBefore = [...standin.world.channels.values()].filter((c) => c.type === 11).length;
    standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "write me a poem",
      author: standin.world.otherBot,
      mentionBot: true,
    });
    await standin.settle();
    expect([...standin.world.channels.values()].filter((c) => c.type === 11)).toHaveLength(threadsBefore);

    const mention = standin.postMessage({
      channelId: standin.world.textChannelId,
      content: "a newsletter intro for our bakery",
      mentionBot: true,
    });
    await waitForQuestions(standin, mention.id);
    // With the intent on, the owner's plain message answers every open question.
    standin.postMessage({ channelId: mention.id, content: "regular customers, cheerful tone" });
    await waitForPrompt(standin, mention.id);
    expect(bot.model.callsOf("integrate").at(-1)?.user).toContain("regular customers, cheerful tone");
  });
});
