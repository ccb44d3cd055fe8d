import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TurnIo } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";
import { DISCORD_LIMITS } from "../../src/platforms/discord/discord-limits.js";
import type { OutboundMessage } from "../../src/platforms/discord/outbound-message.js";
import { renderWorking, tail } from "../../src/platforms/discord/render-working.js";
import { WorkingMessage } from "../../src/platforms/discord/working-message.js";

const customIds = (message: OutboundMessage) =>
  (message.components ?? []).flatMap((row) => row.components).flatMap((c) => ("custom_id" in c ? [c.custom_id] : []));

describe("renderWorking", () => {
  it("says what the model does, or the queue position, always with the Stop button", () => {
    expect(renderWorking({ kind: "working", step: "analyse" }).content).toContain("Reading your request");
    expect(renderWorking({ kind: "queued", position: 1 }).content).toContain("you are next");
    expect(renderWorking({ kind: "queued", position: 3 }).content).toContain("position 3 in the queue");
    for (const state of [
      { kind: "working", step: "refine" },
      { kind: "queued", position: 2 },
      { kind: "draft", version: 2, text: "Role: a tutor." },
    ] as const)
      expect(customIds(renderWorking(state))).toEqual(["tailor:stop"]);
  });

  it("speaks the conversation's language, Stop button included", () => {
    const german = renderWorking({ kind: "draft", version: 2, text: "Rolle: Tutor.", language: "de" });
    expect(german.content).toContain("Schreibe Prompt v2…");
    expect(JSON.stringify(german.components)).toContain('"label":"Anhalten"');
    expect(renderWorking({ kind: "working", step: "analyse", language: "fr" }).content).toContain("Je lis ta demande");
  });

  it("shows a short draft whole, fenced, with its version", () => {
    const message = renderWorking({ kind: "draft", version: 3, text: "Role: a tutor.\nTask: explain fractions." });
    expect(message.content).toBe("✍️ **Writing prompt v3…**\n```md\nRole: a tutor.\nTask: explain fractions.\n```");
  });

  it("shows the newest end of a long draft within 2000 characters, and a ``` in it cannot close the block", () => {
    const lines = Array.from({ length: 400 }, (_, i) => `line ${i} of the draft`);
    lines[398] = "```sql";
    const message = renderWorking({ kind: "draft", version: 1, text: lines.join("\n") });
    expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.messageContent);
    expect(message.content).toContain("```md\n…\nline ");
    expect(message.content.endsWith("line 399 of the draft\n```")).toBe(true);
    expect(message.content).not.toContain("line 0 of");
    expect(message.content.match(/```/g)).toHaveLength(2);
  });

  it("never starts a tail inside a surrogate pair", () => {
    const text = "😀".repeat(50);
    for (let max = 10; max < 40; max++) {
      const cut = tail(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.codePointAt(2)).toBe(0x1f600);
    }
  });
});

describe("WorkingMessage", () => {
  const io: TurnIo = { refs: {}, setRefs: async () => true };
  let sent: Array<{ op: "post" | "edit"; content: string }>;
  const channel = {
    sendToChannel: async (message: OutboundMessage) => {
      sent.push({ op: "post", content: message.content });
      return "m1";
    },
    editById: async (_id: string, message: OutboundMessage) => {
      sent.push({ op: "edit", content: message.content });
    },
  };
  const draft = (text: string) => ({ kind: "draft" as const, version: 1, text });

  beforeEach(() => {
    sent = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("posts at once, then edits at most once per interval with only the newest text", async () => {
    const working = new WorkingMessage(channel, silentLogger, { intervalMs: 1000 });
    working.update({ kind: "working", step: "synthesize" }, io);
    for (let i = 1; i <= 30; i++) working.update(draft(`part ${i}`), io);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual([{ op: "post", content: "✍️ Writing the prompt…" }]);
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.content).toContain("part 30");
    // Nothing new: no edit.
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toHaveLength(2);
    expect(await working.finish()).toBe("m1");
  });

  it("sends nothing after finish, and stops after a refused send instead of retrying", async () => {
    const working = new WorkingMessage(channel, silentLogger, { intervalMs: 1000 });
    working.update(draft("first"), io);
    await vi.advanceTimersByTimeAsync(0);
    working.update(draft("second"), io);
    await working.finish();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.map((s) => s.op)).toEqual(["post"]);

    let attempts = 0;
    const refusing = {
      sendToChannel: async () => {
        attempts += 1;
        throw new Error("403 Missing Permissions");
      },
      editById: async () => {},
    };
    const broken = new WorkingMessage(refusing, silentLogger, { intervalMs: 1000 });
    for (let i = 0; i < 5; i++) {
      broken.update(draft(`try ${i}`), io);
      await vi.advanceTimersByTimeAsync(1500);
    }
    expect(attempts).toBe(1);
    expect(await broken.finish()).toBeUndefined();
  });
});
