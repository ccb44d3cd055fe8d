/**
 * Issue 14 on Discord, through real discord.js against the stand-in: the prompt streamed into the
 * working indicator, Stop, "Answer all", what changed between versions, one-click slot edits and
 * `/tailor defaults`. Real engine with the FakeModel, real SQLite store, real library.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import type { ModelRequest } from "../../src/core/ports.js";
import { defaultSynthesize, FakeModel } from "../fakes/fake-model.js";
import { type DiscordBot, startDiscordBot } from "../fixtures/discord-standin/discord-bot.js";
import {
  botMessagesIn,
  controlsOf,
  promptMessages,
  waitForPrompt,
  waitForQuestions,
} from "../fixtures/discord-standin/standin-views.js";
import {
  type DiscordStandin,
  type StandinMessage,
  startDiscordStandin,
} from "../fixtures/discord-standin/start-discord-standin.js";

const EPHEMERAL = 64;
const NO_MENTIONS = { parse: [], replied_user: false };

/** The checklist embed's text of a prompt message. */
const descriptionOf = (message: StandinMessage | undefined): string =>
  String((message?.embeds[0] as { description?: string } | undefined)?.description ?? "");

/** A promise the test opens when it has seen what it waited for. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Resolves when the call is aborted (the Stop control), as a model backend's call ends. */
const untilAborted = (request: ModelRequest) =>
  new Promise<never>((_, reject) => {
    const fail = () => reject(new TailorError("model.aborted", "the model call was aborted"));
    if (request.signal?.aborted) fail();
    request.signal?.addEventListener("abort", fail, { once: true });
  });

describe("Discord: native feel (issue 14)", () => {
  let standin: DiscordStandin;
  let bot: DiscordBot;
  let dir: string;
  const model = new FakeModel();

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tailor-discord-native-"));
    standin = await startDiscordStandin();
    bot = await startDiscordBot(standin, { storeUrl: `sqlite://${join(dir, "tailor.sqlite")}`, model });
  });

  afterAll(async () => {
    await bot?.stop();
    await standin?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const message = (id: string) => standin.world.messages.get(id);
  const startInThread = async (intent: string) => {
    const mention = standin.postMessage({ channelId: standin.world.textChannelId, content: intent, mentionBot: true });
    const questions = await waitForQuestions(standin, mention.id);
    return { thread: mention.id, questions };
  };
  const drafts = (thread: string) =>
    botMessagesIn(standin, thread).filter((m) => m.content.includes("Writing prompt v"));
  const stopButtonsIn = (thread: string) =>
    botMessagesIn(standin, thread).filter((m) => controlsOf(m).some((c) => c.customId === "tailor:stop"));
  const privateNote = (channelId: string, text: string) =>
    standin.waitFor(`a private "${text}"`, () =>
      [...standin.world.messages.values()].find(
        (m) => m.channel_id === channelId && (m.flags & EPHEMERAL) !== 0 && m.content.includes(text),
      ),
    );
  const editsOf = (messageId: string) =>
    standin.calls.filter((c) => c.method === "PATCH" && c.path.endsWith(`/messages/${messageId}`));

  it("streams the prompt into one draft message in the thread, throttled, then the final prompt takes its place", async () => {
    const long = Array.from(
      { length: 60 },
      (_, i) => `Step ${i + 1}: explain the plan clearly, one idea per line, @everyone reads it.`,
    ).join("\n");
    const first = gate();
    const second = gate();
    model.setResponder("synthesize", async (request) => {
      // The whole prompt without the pinned answers: the alignment check adds them back.
      const full = JSON.stringify({ prompt: long, assumptions: [], corrections: [] });
      let sent = 0;
      const upTo = (end: number) => {
        request.onText?.(full.slice(sent, end));
        sent = end;
      };
      upTo(400);
      await first.opened;
      // A burst of pieces, as a fast model produces them: only the latest text matters.
      for (let end = 440; end < full.length - 200; end += 40) upTo(end);
      await second.opened;
      upTo(full.length);
      return full;
    });
    const { thread, questions } = await startInThread("a project plan for our website relaunch");
    // The last answer ends the round: that turn writes the prompt (its view arrives with the prompt).
    const [audience, tone] = controlsOf(questions).filter((c) => /^tailor:answer:r\d+q\d+:0$/.test(c.customId));
    standin.clickButton({ messageId: questions.id, customId: audience!.customId });
    await standin.waitFor(
      "the first answer",
      () => controlsOf(message(questions.id)!).find((c) => c.customId === audience!.customId)?.disabled,
    );
    standin.clickButton({ messageId: questions.id, customId: tone!.customId });

    const draft = await standin.waitFor("the first draft", () => drafts(thread)[0]);
    expect(draft.content).toContain("Writing prompt v1");
    expect(draft.content).toContain("Step 1: explain the plan");
    expect(controlsOf(draft).map((c) => c.customId)).toEqual(["tailor:stop"]);
    const editsBefore = editsOf(draft.id).length;
    first.open();
    // The draft shows the newest text, its start cut to fit Discord's 2,000 characters.
    await standin.waitFor("the draft's tail", () => message(draft.id)?.content.includes("Step 55:"));
    const shown = message(draft.id)!.content;
    expect(shown.length).toBeLessThanOrEqual(2000);
    expect(shown).toContain("```md\n…\n");
    expect(shown).not.toContain("Step 1: explain");
    // A burst of a hundred pieces became one or two edits (about one a second), none refused by the rate limit.
    expect(editsOf(draft.id).length - editsBefore).toBeLessThanOrEqual(2);
    second.open();

    const parts = await waitForPrompt(standin, thread, 1);
    // The final prompt took the draft's place: its first part is the same message; no draft, no Stop left.
    expect(parts.length).toBe(3);
    expect(parts[0]?.id).toBe(draft.id);
    expect(drafts(thread)).toHaveLength(0);
    expect(stopButtonsIn(thread)).toHaveLength(0);
    const checklist = descriptionOf(parts.at(-1));
    expect(checklist).toContain("Added back what the draft left out");
    expect(standin.calls.some((c) => c.status === 429)).toBe(false);
    // Nothing streamed anywhere but the conversation's thread.
    const streamed = standin.sentMessages().filter((s) => String(s.payload.content ?? "").includes("Writing prompt"));
    expect(streamed.length).toBeGreaterThan(1);
    for (const { call } of streamed) expect(call.path).toMatch(new RegExp(`^/channels/${thread}/messages`));
    model.setResponder("synthesize", defaultSynthesize);
  });

  it("Stop: only the owner stops the model; the step can be retried and the Stop button goes away", async () => {
    model.setResponder("synthesize", async (request) => {
      request.onText?.('{"prompt": "Role: You are a careful planner.');
      return untilAborted(request);
    });
    const { thread, questions } = await startInThread("an agenda for a quarterly review");
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    const working = await standin.waitFor("the working indicator with its draft", () =>
      stopButtonsIn(thread).find((m) => m.content.includes("careful planner")),
    );

    standin.clickButton({ messageId: working.id, customId: "tailor:stop", user: standin.world.other });
    await privateNote(thread, "Only the person who asked");
    expect(message(working.id)?.content).toContain("careful planner");

    standin.clickButton({ messageId: working.id, customId: "tailor:stop" });
    const stopped = await standin.waitFor("the stopped step", () =>
      botMessagesIn(standin, thread).find((m) => controlsOf(m).some((c) => c.customId === "tailor:retry")),
    );
    expect(stopped.content).toContain("Stopped");
    expect(stopButtonsIn(thread)).toHaveLength(0);
    expect(drafts(thread)).toHaveLength(0);

    model.setResponder("synthesize", defaultSynthesize);
    standin.clickButton({ messageId: stopped.id, customId: "tailor:retry" });
    await waitForPrompt(standin, thread, 1);
  });

  it("a typed `stop` in the thread stops the model call too", async () => {
    model.setResponder("synthesize", async (request) => {
      request.onText?.('{"prompt": "Role: You are a patient tutor.');
      return untilAborted(request);
    });
    const { thread, questions } = await startInThread("a study plan for a chemistry exam");
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    await standin.waitFor("the draft", () => stopButtonsIn(thread).find((m) => m.content.includes("patient tutor")));
    standin.postMessage({ channelId: thread, content: "stop", mentionBot: true });
    await standin.waitFor("the stopped step", () =>
      botMessagesIn(standin, thread).find((m) => m.content.includes("Stopped") && controlsOf(m).length > 0),
    );
    expect(stopButtonsIn(thread)).toHaveLength(0);
    model.setResponder("synthesize", defaultSynthesize);
  });

  it("Answer all opens one modal with a select per open question and own words, and answers the round", async () => {
    const { thread, questions } = await startInThread("a launch announcement for our app");
    const opening = standin.clickButton({ messageId: questions.id, customId: "tailor:answer:all" });
    const modal = await standin.waitFor("the modal", () => opening.callbacks.find((c) => c.type === 9)?.data);
    const labels = modal.components as Array<{
      type: number;
      label: string;
      component: { type: number; custom_id: string; options?: Array<{ label: string; value: string }> };
    }>;
    // Two questions (a select each) and the own-words field, all inside labels.
    expect(labels.map((l) => [l.type, l.component.type])).toEqual([
      [18, 3],
      [18, 3],
      [18, 4],
    ]);
    expect(labels[0]?.component.options?.map((o) => o.label)).toEqual(["Investors", "Customers", "My team"]);
    const [audience, tone, own] = labels.map((l) => l.component.custom_id);

    standin.submitModal({
      messageId: questions.id,
      customId: String(modal.custom_id),
      fields: { [audience!]: ["1"], [tone!]: [], [own!]: "playful, with one emoji" },
    });
    const [prompt] = await waitForPrompt(standin, thread, 1);
    // The pick answered its question; the own words answered the one left without a pick.
    expect(prompt?.content).toContain("Customers");
    expect(prompt?.content).toContain("playful, with one emoji");
    const closed = controlsOf(message(questions.id)!);
    expect(closed.every((c) => c.disabled)).toBe(true);
    expect(message(questions.id)?.content).toContain("→ Customers");
  });

  it("changes a setting in one click, shows what changed (collapsed) and marks it in the checklist", async () => {
    const { thread, questions } = await startInThread("a welcome email for new hires");
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    const [v1] = await waitForPrompt(standin, thread, 1);
    const menu = controlsOf(v1!).find((c) => c.customId === "tailor:slot");
    const choice = menu?.options?.find((o) => o.value.startsWith("set:"));
    if (!menu || !choice) throw new Error("no slot menu on the prompt");
    expect(menu.options!.length).toBeLessThanOrEqual(25);
    const newValue = choice.value.slice(choice.value.indexOf("=") + 1);

    standin.selectOption({ messageId: v1!.id, customId: "tailor:slot", values: [choice.value] });
    const [v2] = await waitForPrompt(standin, thread, 2);
    const embed = v2!.embeds[0] as { description?: string; fields?: Array<{ name: string; value: string }> };
    expect(embed.description).toContain(newValue);
    expect(embed.description).toContain("✎");
    const changes = embed.fields?.find((f) => f.name.startsWith("What changed: v1 → v2"));
    expect(changes?.value.startsWith("||```diff\n")).toBe(true);
    expect(changes?.value.endsWith("\n```||")).toBe(true);
    // Only the newest version offers the menu.
    await standin.waitFor("v1's menu removed", () => controlsOf(message(v1!.id)!).length === 0);
    expect(controlsOf(v2!).some((c) => c.customId === "tailor:slot")).toBe(true);

    // "Other…" asks for the value in the owner's own words.
    const other = controlsOf(v2!)
      .find((c) => c.customId === "tailor:slot")
      ?.options?.find((o) => o.value.startsWith("other:"));
    const opening = standin.selectOption({ messageId: v2!.id, customId: "tailor:slot", values: [other!.value] });
    const modal = await standin.waitFor("the setting's modal", () => opening.callbacks.find((c) => c.type === 9)?.data);
    const [label] = modal.components as Array<{ component: { custom_id: string } }>;
    standin.submitModal({
      messageId: v2!.id,
      customId: String(modal.custom_id),
      fields: { [label!.component.custom_id]: "exactly forty-two words" },
    });
    const [v3] = await waitForPrompt(standin, thread, 3);
    expect(v3?.content).toContain("exactly forty-two words");
    expect(promptMessages(standin, thread, 3)).toHaveLength(1);
  });

  it("/tailor defaults: shown to anyone, changed only with Manage Server, per server; in a DM it says so", async () => {
    const channelId = standin.world.textChannelId;
    const member = standin.world.newUser("member");
    standin.world.permissions.set(member.id, "0");
    const refused = standin.slashCommand({ channelId, intent: "defaults set tone=friendly", user: member });
    await standin.waitFor("the refusal", () => message(refused.originalId ?? "")?.content);
    // Claimed, then deferred privately before anything else.
    expect(refused.callbacks[0]).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    expect(message(refused.originalId!)?.flags ?? 0).toBeGreaterThanOrEqual(EPHEMERAL);
    expect(message(refused.originalId!)?.content).not.toContain("saved");

    const set = standin.slashCommand({ channelId, intent: "defaults set tone=friendly" });
    const saved = await standin.waitFor("the change", () =>
      [...standin.world.messages.values()].find(
        (m) => m.channel_id === channelId && m.content.includes("friendly") && m.id !== refused.originalId,
      ),
    );
    expect(saved.content).toMatch(/saved/i);
    expect(set.callbacks[0]?.type).toBe(5);

    const shown = standin.slashCommand({ channelId, intent: "defaults", user: member });
    await standin.waitFor("the defaults shown", () =>
      [...standin.world.messages.values()].find(
        (m) => m.channel_id === channelId && m.content.includes("friendly") && m.id !== saved.id,
      ),
    );
    expect(shown.callbacks[0]?.type).toBe(5);

    const person = standin.world.newUser("dm-defaults");
    const dm = standin.world.dmChannelFor(person);
    const inDm = standin.slashCommand({ channelId: dm.id, intent: "defaults", user: person });
    await standin.waitFor("the DM answer", () => message(inDm.originalId ?? "")?.content.includes("per server"));

    // A new conversation in the server starts with the default as an assumption, marked as such.
    const { thread, questions } = await startInThread("a note to the team about the holidays");
    standin.clickButton({ messageId: questions.id, customId: "tailor:skip" });
    const [prompt] = await waitForPrompt(standin, thread, 1);
    const checklist = descriptionOf(prompt);
    expect(checklist).toContain("friendly");
    expect(checklist).toContain("server default");

    const clear = standin.slashCommand({ channelId, intent: "defaults clear" });
    await standin.waitFor(
      "the defaults cleared",
      () => clear.callbacks.length > 0 && message(clear.originalId ?? "")?.content,
    );
  });

  it("every message and edit parses no mentions and fits in 2000 characters", () => {
    const sent = standin.sentMessages();
    expect(sent.length).toBeGreaterThan(20);
    for (const { payload } of sent) {
      expect(payload.allowed_mentions).toEqual(NO_MENTIONS);
      expect(String(payload.content ?? "").length).toBeLessThanOrEqual(2000);
    }
    // Nothing refused: no payload beyond Discord's limits (400) and no edit past the rate limit (429).
    expect(standin.calls.filter((c) => c.status === 400 || c.status === 429)).toEqual([]);
  });
});
