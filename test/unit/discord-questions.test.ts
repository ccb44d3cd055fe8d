import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { withPolicy } from "../../src/core/engine/reply-policy.js";
import type { EngineReply, QuestionView } from "../../src/core/engine-api.js";
import { buildAnswerModal } from "../../src/platforms/discord/answer-modal.js";
import { parseCustomId } from "../../src/platforms/discord/custom-ids.js";
import { DISCORD_LIMITS } from "../../src/platforms/discord/discord-limits.js";
import { newAnswers } from "../../src/platforms/discord/normalize-events.js";
import { markAnswered, optionText, readQuestionMessage } from "../../src/platforms/discord/question-message.js";
import { renderQuestions } from "../../src/platforms/discord/render-questions.js";

type QuestionsReply = Extract<EngineReply, { kind: "questions" }>;

const question = (id: string, options: string[], extra: Partial<QuestionView> = {}): QuestionView => ({
  id,
  capability: "audience",
  text: `Question ${id}: who *exactly* is it for?`,
  options,
  ...extra,
});
const round = (questions: QuestionView[], n = 1): QuestionsReply =>
  withPolicy({ kind: "questions", round: n, intro: "A few questions first.", questions }) as QuestionsReply;
const allComponents = (reply: ReturnType<typeof renderQuestions>) =>
  (reply.components ?? []).flatMap((row) => row.components);
const customIds = (reply: ReturnType<typeof renderQuestions>) =>
  allComponents(reply).flatMap((c) => ("custom_id" in c ? [c.custom_id] : []));

describe("renderQuestions", () => {
  it("gives each question a row of option buttons and a last row with answer all, own words and skip", () => {
    const rendered = renderQuestions(
      round([question("q1", ["Investors", "Customers"]), question("q2", ["Formal", "Casual"])]),
    );
    expect(rendered.content).toContain("**1. Question q1: who \\*exactly\\* is it for?**");
    expect(customIds(rendered)).toEqual([
      "tailor:answer:q1:0",
      "tailor:answer:q1:1",
      "tailor:answer:q2:0",
      "tailor:answer:q2:1",
      "tailor:answer:all",
      "tailor:other:1:q1,q2",
      "tailor:skip",
    ]);
  });

  it("labels its controls in the conversation's language", () => {
    const german = { ...round([question("q1", ["A", "B"]), question("q2", ["C", "D"])]), language: "de" as const };
    const labels = allComponents(renderQuestions(german)).flatMap((c) => ("label" in c && c.label ? [c.label] : []));
    expect(labels).toEqual(expect.arrayContaining(["Alle beantworten", "In eigenen Worten antworten"]));
  });

  it("starts a closed round's view without an introduction at its first question", () => {
    const closed = withPolicy({
      kind: "questions",
      round: 1,
      intro: "",
      questions: [question("q1", ["Investors"], { answer: "Investors" })],
      closed: true,
    }) as QuestionsReply;
    expect(renderQuestions(closed).content.startsWith("**1. Question q1")).toBe(true);
  });

  it("disables an answered question's buttons and highlights the choice", () => {
    const rendered = renderQuestions(round([question("q1", ["Investors", "Customers"], { answer: "Customers" })]));
    const [first, second] = rendered.components?.[0]?.components ?? [];
    expect(first).toMatchObject({ disabled: true, style: ButtonStyle.Secondary });
    expect(second).toMatchObject({ disabled: true, style: ButtonStyle.Success, label: "Customers" });
    expect(rendered.content).toContain("→ Customers");
  });

  it("uses a select (at most 25 options) when options do not fit buttons", () => {
    const many = Array.from({ length: 30 }, (_, i) => `Option ${i}`);
    const long = ["x".repeat(120), "short"];
    const rendered = renderQuestions(round([question("q1", many), question("q2", long)]));
    const [select1, select2] = allComponents(rendered);
    expect(select1?.type).toBe(ComponentType.StringSelect);
    expect(select1 && "options" in select1 ? select1.options.length : 0).toBe(DISCORD_LIMITS.selectOptions);
    expect(select2 && "options" in select2 ? select2.options[0]?.label.length : 0).toBeLessThanOrEqual(100);
  });

  it("stays within Discord's limits whatever the model wrote", () => {
    const huge = "Why? ".repeat(800);
    const questions = Array.from({ length: 6 }, (_, i) =>
      question(`q${i}`, ["a", "b", "c", "d", "e"], { text: huge, answer: i % 2 ? huge : undefined }),
    );
    const rendered = renderQuestions({ ...round(questions), intro: huge });
    expect(rendered.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.messageContent);
    expect(rendered.components?.length).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
    for (const row of rendered.components ?? [])
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
    for (const id of customIds(rendered)) expect(id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
  });
});

describe("reading a questions message back", () => {
  const rendered = renderQuestions(
    round([question("q1", ["Investors", "Customers"]), question("q2", []), question("q3", ["Formal", "Casual"])], 2),
  );
  const rows = rendered.components ?? [];

  it("finds the round, every question (free-text ones included) and the option texts", () => {
    const read = readQuestionMessage(rendered.content, rows);
    expect(read?.round).toBe(2);
    expect(read?.questions.map((q) => [q.id, q.text])).toEqual([
      ["q1", "Question q1: who *exactly* is it for?"],
      ["q2", "Question q2: who *exactly* is it for?"],
      ["q3", "Question q3: who *exactly* is it for?"],
    ]);
    expect(optionText(rows, "q3", 1)).toBe("Casual");
    expect(optionText(rows, "q3", 7)).toBeUndefined();
  });

  it("marks one answered question, then the whole round", () => {
    const one = markAnswered(rendered.content, rows, { questionId: "q1", choice: "Customers" });
    expect(one.content).toContain("→ Customers");
    const q1Buttons = one.components?.[0]?.components ?? [];
    expect(q1Buttons.every((b) => "disabled" in b && b.disabled)).toBe(true);
    expect(q1Buttons[1]).toMatchObject({ style: ButtonStyle.Success });
    expect(one.components?.[1]?.components.every((b) => "disabled" in b && !b.disabled)).toBe(true);
    expect(readQuestionMessage(one.content, one.components ?? [])?.questions[0]?.answer).toBe("Customers");

    const all = markAnswered(one.content, one.components ?? [], { all: true });
    expect(all.components?.flatMap((r) => r.components).every((c) => "disabled" in c && c.disabled)).toBe(true);
  });

  it("builds a modal with one optional text input per question, answered ones prefilled", () => {
    const one = markAnswered(rendered.content, rows, { questionId: "q1", choice: "Customers" });
    const read = readQuestionMessage(one.content, one.components ?? []);
    if (!read) throw new Error("unreadable");
    const modal = buildAnswerModal(read);
    expect(modal.custom_id).toBe("tailor:modal:2");
    expect(modal.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.modalTitle);
    expect(modal.components).toHaveLength(3);
    for (const label of modal.components) {
      if (label.type !== ComponentType.Label) throw new Error("expected labels");
      expect(label.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.labelText);
      expect(label.component).toMatchObject({ type: ComponentType.TextInput, required: false });
    }
    const first = modal.components[0];
    expect(first?.type === ComponentType.Label && "value" in first.component ? first.component.value : "").toBe(
      "Customers",
    );

    const answers = newAnswers(
      new Map([
        ["q1", "Customers"],
        ["q2", "  "],
        ["q3", "Playful"],
      ]),
      read,
    );
    expect(answers).toEqual({ q3: "Playful" });
  });
});

describe("custom ids", () => {
  it("parses what the renderer writes", () => {
    expect(parseCustomId("tailor:answer:q1:3", "button")).toEqual({ kind: "answer", questionId: "q1", optionIndex: 3 });
    expect(parseCustomId("tailor:answer:r2-q1", "select")).toEqual({ kind: "answer", questionId: "r2-q1" });
    expect(parseCustomId("tailor:skip", "button")).toEqual({ kind: "skip" });
    expect(parseCustomId("tailor:retry", "button")).toEqual({ kind: "retry" });
    expect(parseCustomId("tailor:other:2:a,b", "button")).toEqual({ kind: "other", round: 2, questionIds: ["a", "b"] });
    expect(parseCustomId("tailor:modal:1", "modal")).toEqual({ kind: "modal", round: 1 });
    expect(parseCustomId("tailor:stop", "button")).toEqual({ kind: "stop" });
    expect(parseCustomId("tailor:answer:all", "button")).toEqual({ kind: "answer-all" });
    expect(parseCustomId("tailor:answer:all:2", "modal")).toEqual({ kind: "answer-all-modal", round: 2 });
    expect(parseCustomId("tailor:slot", "select")).toEqual({ kind: "slot" });
    expect(parseCustomId("tailor:slot:tone", "modal")).toEqual({ kind: "slot-modal", capability: "tone" });
    // Each id means something for its own kind of component only.
    expect(parseCustomId("tailor:answer:all", "select")).toBeUndefined();
    expect(parseCustomId("tailor:answer:all:2", "button")).toBeUndefined();
    expect(parseCustomId("tailor:slot", "button")).toBeUndefined();
    expect(parseCustomId("someone-else:button", "button")).toBeUndefined();
  });
});
