import { describe, expect, it } from "vitest";
import type { EngineReply } from "../../src/core/engine-api.js";
import { DISCORD_LIMITS, MAX_PROMPT_MESSAGES } from "../../src/platforms/discord/discord-limits.js";
import { renderPrompt } from "../../src/platforms/discord/render-prompt.js";
import { escapeFences } from "../../src/platforms/discord/split-prompt.js";
import { splitText } from "../../src/platforms/split-text.js";

type PromptReply = Extract<EngineReply, { kind: "prompt" }>;

const prompt = (text: string, version = 1): PromptReply => ({
  visibility: "public",
  closesRound: false,
  kind: "prompt",
  version,
  text,
  checklist: [
    { capability: "audience", label: "Audience", status: "pinned", value: "seed investors", options: [] },
    { capability: "tone", label: "Tone", status: "assumed", value: "warm but direct", options: ["Formal", "Warm"] },
    { capability: "length", label: "Length", status: "open", options: [] },
  ],
  assumptions: ["The product is already launched"],
  repaired: [],
});

const paragraph = (n: number, words = 40) => Array.from({ length: words }, (_, i) => `word${n}-${i}`).join(" ");
const fencesBalanced = (content: string) => (content.match(/```/g) ?? []).length % 2 === 0;

describe("splitText", () => {
  it("keeps paragraphs whole when they fit and never exceeds the budget", () => {
    const text = Array.from({ length: 12 }, (_, i) => paragraph(i)).join("\n\n");
    const chunks = splitText(text, 900);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(900);
    // Paragraph boundaries only: joining restores the text exactly.
    expect(chunks.join("\n\n")).toBe(text);
  });

  it("cuts a paragraph longer than the budget on lines, and a huge line on spaces", () => {
    const lines = Array.from({ length: 30 }, (_, i) => `- requirement ${i}: ${paragraph(i, 8)}`).join("\n");
    const hugeLine = paragraph(99, 400);
    for (const chunk of splitText(`${lines}\n\n${hugeLine}`, 500)) expect(chunk.length).toBeLessThanOrEqual(500);
    expect(splitText(hugeLine, 500).join(" ")).toBe(hugeLine);
  });

  it("breaks backtick runs so a prompt containing ``` cannot close the block", () => {
    const escaped = escapeFences("Wrap code in ```python fences```.");
    expect(escaped.changed).toBe(true);
    expect(escaped.text).not.toContain("```");
    expect(escaped.text.replace(/\u200b/g, "")).toBe("Wrap code in ```python fences```.");
  });
});

describe("renderPrompt", () => {
  it("sends a short prompt as one fenced block with its version and checklist", () => {
    const [message, ...rest] = renderPrompt(prompt("You are a helpful assistant."));
    expect(rest).toHaveLength(0);
    expect(message?.content).toContain("**Prompt v1**");
    expect(message?.content).toContain("```md\nYou are a helpful assistant.\n```");
    const checklist = message?.embeds?.[0]?.description ?? "";
    expect(checklist).toContain("Audience: seed investors");
    expect(checklist).toContain("Tone: warm but direct");
    expect(checklist).toContain("Length");
    expect(checklist).toContain("The product is already launched");
    expect(message?.files).toBeUndefined();
  });

  it("labels a refinement as a new version", () => {
    expect(renderPrompt(prompt("Shorter.", 2))[0]?.content).toContain("**Prompt v2** (refined)");
  });

  it("labels a refinement, its parts and an attached prompt in the conversation's language", () => {
    expect(renderPrompt({ ...prompt("Kürzer.", 2), language: "de" })[0]?.content).toMatch(
      /^\*\*Prompt v2\*\* \(verfeinert\)\n/,
    );
    const long = Array.from({ length: 24 }, (_, i) => paragraph(i, 25)).join("\n\n");
    const parts = renderPrompt({ ...prompt(long), language: "es" });
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[0]?.content).toContain(`**Prompt v1** · parte 1/${parts.length}\n`);
    for (const part of parts) expect(part.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.messageContent);
    const huge = Array.from({ length: 80 }, (_, i) => paragraph(i, 25)).join("\n\n");
    const [attached] = renderPrompt({ ...prompt(huge, 3), language: "fr" });
    expect(attached?.content).toBe(
      `**Prompt v3** (affiné)\nCette version fait ${huge.length} caractères, trop longue pour ${MAX_PROMPT_MESSAGES} messages : elle est jointe sous le nom \`prompt.md\`.`,
    );
  });

  it("splits a long prompt into 2–3 messages of at most 2000 characters, each a complete block", () => {
    const text = Array.from({ length: 24 }, (_, i) => paragraph(i, 25)).join("\n\n");
    expect(text.length).toBeGreaterThan(DISCORD_LIMITS.messageContent * 2);
    const messages = renderPrompt(prompt(text));
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages.length).toBeLessThanOrEqual(MAX_PROMPT_MESSAGES);
    for (const message of messages) {
      expect(message.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.messageContent);
      expect(fencesBalanced(message.content)).toBe(true);
    }
    // Every paragraph arrives, in order, and only the last message carries the checklist.
    const bodies = messages.map((m) => m.content.split("```md\n")[1]?.replace(/\n```$/, "")).join("\n\n");
    expect(bodies).toBe(text);
    expect(messages.slice(0, -1).every((m) => m.embeds === undefined)).toBe(true);
    expect(messages.at(-1)?.embeds).toHaveLength(1);
  });

  it("attaches prompt.md when three messages are not enough", () => {
    const text = Array.from({ length: 60 }, (_, i) => paragraph(i, 25)).join("\n\n");
    const messages = renderPrompt(prompt(text));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.files).toEqual([{ name: "prompt.md", text }]);
    expect(messages[0]?.content).toContain("prompt.md");
    expect(messages[0]?.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.messageContent);
  });

  it("renders a prompt that contains ``` with intact blocks and attaches the exact text", () => {
    const text = "Answer with code:\n\n```sql\nSELECT 1;\n```\n\nExplain each step.";
    const messages = renderPrompt(prompt(text));
    for (const message of messages) expect(fencesBalanced(message.content)).toBe(true);
    expect(messages.at(-1)?.files).toEqual([{ name: "prompt.md", text }]);
    expect(messages[0]?.content).toContain("SELECT 1;");
  });
});

describe("the shared splitter with a platform's own measure", () => {
  it("keeps Slack's escaped parts within budget and never cuts an entity or an emoji", () => {
    const escapeMrkdwn = (s: string) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
    const text = `${"<b>&</b> ".repeat(2000)}\n\n${"🙂".repeat(700)}`;
    const chunks = splitText(text, 1000, (s) => escapeMrkdwn(s).length);
    for (const chunk of chunks) {
      expect(escapeMrkdwn(chunk).length).toBeLessThanOrEqual(1000);
      expect(chunk).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(chunks.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
  });
});
