import { describe, expect, it } from "vitest";
import type { EngineReply } from "../../src/core/engine-api.js";
import { closeQuestionBlocks } from "../../src/platforms/slack/close-questions.js";
import { escapeMrkdwn, safeMrkdwn, truncateMrkdwn } from "../../src/platforms/slack/mrkdwn.js";
import { promptCodeBlock, renderPromptParts } from "../../src/platforms/slack/render-prompt.js";
import { renderReply, renderRoot } from "../../src/platforms/slack/render-reply.js";
import type { SlackMessage } from "../../src/platforms/slack/slack-message.js";
import { limitViolations } from "../fixtures/slack-standin/check-limits.js";

const PINGS = "<!channel> <!here> <!everyone> <@U123> <!subteam^S1>";

/** Every mrkdwn text of a message: the fallback text and every text inside its blocks. */
function allText(message: Pick<SlackMessage, "text" | "blocks">): string[] {
  const texts = [message.text];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") texts.push(inner);
        else visit(inner);
      }
    }
  };
  visit(message.blocks);
  return texts;
}

const questions = (overrides: Partial<Extract<EngineReply, { kind: "questions" }>> = {}): EngineReply => ({
  visibility: "public",
  closesRound: false,
  kind: "questions",
  round: 1,
  intro: "A few questions first.",
  questions: [
    { id: "q1", capability: "audience", text: "Who reads it?", options: ["investors", "customers"] },
    { id: "q2", capability: "tone", text: "Which tone?", options: ["formal", "friendly", "bold"] },
  ],
  ...overrides,
});

const prompt = (text: string, version = 1): EngineReply => ({
  visibility: "public",
  closesRound: false,
  kind: "prompt",
  version,
  text,
  checklist: [
    { capability: "audience", label: "Audience", status: "pinned", value: "investors", options: ["investors", "team"] },
    { capability: "tone", label: "Tone", status: "assumed", value: "formal", options: ["formal", "warm"] },
    { capability: "must_include", label: "Must include", status: "open", options: [] },
  ],
  assumptions: ["The email is in English"],
  repaired: [],
});

describe("escaping", () => {
  it("turns Slack's control sequences into visible text", () => {
    expect(escapeMrkdwn("a & b <!here> <@U1>")).toBe("a &amp; b &lt;!here&gt; &lt;@U1&gt;");
  });

  it("never cuts an entity in half when shortening", () => {
    const cut = truncateMrkdwn(escapeMrkdwn(`${"x".repeat(7)}<b`), 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).not.toMatch(/&[a-z]*…$/);
    expect(safeMrkdwn("😀😀😀😀", 4)).not.toMatch(/[\ud800-\udbff]…$/);
  });
});

describe("rendering replies", () => {
  it("renders a question per section with option buttons carrying the question id and capability=option", () => {
    const message = renderReply(questions());
    const rows = message.blocks.filter((b) => b.type === "actions");
    const q1 = rows.find((b) => b.block_id === "tailor_q:q1");
    expect(q1 && q1.type === "actions" && q1.elements.map((e) => ("action_id" in e ? e.action_id : ""))).toEqual([
      "tailor_answer_0",
      "tailor_answer_1",
    ]);
    expect(q1 && q1.type === "actions" && q1.elements.map((e) => ("value" in e ? e.value : ""))).toEqual([
      "audience=investors",
      "audience=customers",
    ]);
    expect(JSON.stringify(message.blocks)).toContain('"action_id":"tailor_skip"');
  });

  it("shows an answered question's choice without its buttons", () => {
    const reply = questions();
    if (reply.kind !== "questions") throw new Error("unreachable");
    reply.questions[0] = { ...reply.questions[0]!, answer: "investors" };
    const message = renderReply(reply);
    expect(message.blocks.some((b) => b.block_id === "tailor_q:q1")).toBe(false);
    expect(message.blocks.some((b) => b.block_id === "tailor_q:q2")).toBe(true);
    expect(allText(message).join("\n")).toContain(":white_check_mark: investors");
  });

  it("puts a short prompt in block tailor_prompt as a code block, with version and checklist", () => {
    const message = renderReply(prompt("You are a writer. Write <b> & more.", 2));
    const block = message.blocks.find((b) => b.block_id === "tailor_prompt");
    expect(block && block.type === "section" && block.text?.text).toBe(
      "```\nYou are a writer. Write &lt;b&gt; &amp; more.\n```",
    );
    const text = allText(message).join("\n");
    expect(text).toContain("v2");
    expect(text).toContain("*Audience*: investors · _your words_");
    expect(text).toContain("*Tone*: formal · _assumed_");
    expect(text).toContain("*Left open for the model to optimize*: Must include");
    expect(text).toContain("The email is in English");
    expect(message.attachment).toBeUndefined();
  });

  it("attaches a prompt too long for a section, or one holding ``` fences, as a file", () => {
    const long = renderReply(prompt("word ".repeat(1000)));
    expect(long.attachment?.content).toBe("word ".repeat(1000));
    expect(JSON.stringify(long.blocks.find((b) => b.block_id === "tailor_prompt"))).toContain("attached");
    const fenced = renderReply(prompt("Answer with:\n```sql\nSELECT 1;\n```"));
    expect(fenced.attachment?.filename).toBe("prompt-v1.md");
    expect(promptCodeBlock("```")).toBeUndefined();
  });

  it("splits a prompt into code blocks that fit when a file cannot be sent", () => {
    const parts = renderPromptParts(`${"<line> & more\n".repeat(600)}\`\`\`end`, "Maßgeschneiderter Prompt v1");
    expect(parts.length).toBeGreaterThan(1);
    // The notification text names the version in the conversation's language (the title given).
    expect(parts[0]?.text).toBe(`Maßgeschneiderter Prompt v1 (1/${parts.length})`);
    for (const part of parts) expect(limitViolations({ text: part.text, blocks: part.blocks })).toEqual([]);
    const joined = parts.map((p) => JSON.stringify(p.blocks)).join("");
    expect(joined).not.toContain("<line>");
    expect(joined).toContain("ˋˋˋend");
  });

  it("renders an error with a retry button only when the step can be retried", () => {
    const retry = renderReply({
      visibility: "public",
      closesRound: false,
      kind: "error",
      code: "model.failed",
      message: "The model failed.",
      retry: true,
    });
    expect(JSON.stringify(retry.blocks)).toContain('"action_id":"tailor_retry"');
    const final = renderReply({
      visibility: "public",
      closesRound: false,
      kind: "error",
      code: "x",
      message: "No.",
      retry: false,
    });
    expect(JSON.stringify(final.blocks)).not.toContain("tailor_retry");
  });

  it("escapes model and user text everywhere and stays within Slack's limits", () => {
    const huge = `${PINGS} ${"y".repeat(5000)}`;
    const replies: EngineReply[] = [
      questions({
        intro: huge,
        questions: [{ id: "q1", capability: "tone", text: huge, options: [huge, PINGS] }],
      }),
      { ...prompt(huge), assumptions: [huge, PINGS], repaired: [PINGS] } as EngineReply,
      prompt(PINGS),
      { visibility: "public", closesRound: false, kind: "error", code: "x", message: huge, retry: true },
      { visibility: "public", closesRound: false, kind: "notice", code: "help", text: huge },
    ];
    for (const reply of replies) {
      const message = renderReply(reply);
      expect(limitViolations({ text: message.text, blocks: message.blocks })).toEqual([]);
      for (const text of allText(message)) expect(text).not.toMatch(/<[!@]/);
    }
    const root = renderRoot("U0OWNER", huge);
    expect(limitViolations({ text: root.text, blocks: root.blocks })).toEqual([]);
    for (const text of allText(root)) expect(text.replaceAll("<@U0OWNER>", "")).not.toMatch(/<[!@]/);
  });
});

describe("closing a questions message", () => {
  it("shows the clicked choice in place of its buttons and keeps the others while the round is open", () => {
    const message = renderReply(questions());
    const blocks = closeQuestionBlocks(message.blocks, {
      chosen: { questionId: "q1", option: "investors" },
      roundOver: false,
    });
    expect(blocks.some((b) => b.block_id === "tailor_q:q1")).toBe(false);
    expect(blocks.some((b) => b.block_id === "tailor_q:q2")).toBe(true);
    expect(JSON.stringify(blocks)).toContain("investors");
  });

  it("removes every control once the round is over", () => {
    const message = renderReply(questions());
    const blocks = closeQuestionBlocks(message.blocks, { roundOver: true, note: "Skipped." });
    expect(blocks.some((b) => b.type === "actions" || b.type === "input")).toBe(false);
    expect(JSON.stringify(blocks)).toContain("Skipped.");
    expect(JSON.stringify(blocks)).not.toContain("your own words");
  });
});

describe("a closed round (the engine's closing reply)", () => {
  it("shows the answers it got, says which questions closed unanswered, and has no control left", () => {
    const base = questions();
    if (base.kind !== "questions") throw new Error("questions expected");
    const closed = renderReply({
      ...base,
      closed: true,
      closesRound: true,
      questions: [{ ...base.questions[0]!, answer: "investors" }, base.questions[1]!],
    });
    expect(closed.blocks.some((b) => b.type === "actions")).toBe(false);
    const text = JSON.stringify(closed.blocks);
    expect(text).toContain(":white_check_mark: investors");
    expect(text).toContain("not answered");
    expect(text).toContain("These questions are closed.");
  });
});
