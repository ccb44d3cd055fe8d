import { ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import { withPolicy } from "../../src/core/engine/reply-policy.js";
import type { EngineReply, QuestionView } from "../../src/core/engine-api.js";
import { controlLabels } from "../../src/core/messages/control-labels.js";
import { answersOf, buildAnswerAllModal } from "../../src/platforms/discord/answer-all-modal.js";
import { DISCORD_LIMITS } from "../../src/platforms/discord/discord-limits.js";
import { normalizeComponent, normalizeModal } from "../../src/platforms/discord/normalize-events.js";
import { markAnswered, readQuestionMessage } from "../../src/platforms/discord/question-message.js";
import { renderQuestions } from "../../src/platforms/discord/render-questions.js";

type QuestionsReply = Extract<EngineReply, { kind: "questions" }>;

const question = (id: string, text: string, options: string[]): QuestionView => ({
  id,
  capability: "audience",
  text,
  options,
});
const rendered = renderQuestions(
  withPolicy({
    kind: "questions",
    round: 1,
    intro: "A few questions first.",
    questions: [
      question("r1q1", "Who will read it?", ["Investors", "Customers", "My team"]),
      question("r1q2", "Which tone fits this message best for the people who will read it?", ["Formal", "Warm"]),
      question("r1q3", "Anything it must mention?", []),
    ],
  }) as QuestionsReply,
);
const rows = rendered.components ?? [];
const round = readQuestionMessage(rendered.content, rows)!;
const place = { kind: "thread" as const, guildId: "G", channelId: "T", parentId: "C" };

describe("Answer all", () => {
  it("is offered while more than one question is open", () => {
    const ids = rows.flatMap((r) => r.components).flatMap((c) => ("custom_id" in c ? [c.custom_id] : []));
    expect(ids).toContain("tailor:answer:all");
    const one = renderQuestions(
      withPolicy({
        kind: "questions",
        round: 1,
        intro: "One.",
        questions: [question("r1q1", "Who?", ["A", "B"])],
      }) as QuestionsReply,
    );
    const oneIds = (one.components ?? [])
      .flatMap((r) => r.components)
      .flatMap((c) => ("custom_id" in c ? [c.custom_id] : []));
    expect(oneIds).not.toContain("tailor:answer:all");
    const opened = normalizeComponent({
      interactionId: "i",
      place,
      user: { id: "u" },
      customId: "tailor:answer:all",
      component: "button",
      rows,
    });
    expect(opened).toMatchObject({ action: "open-modal", modal: { kind: "answer-all" } });
    // Claimed like any click: a replayed click opens no second modal.
    expect(opened).toHaveProperty("claim.eventId");
  });

  it("speaks the conversation's language", () => {
    const modal = buildAnswerAllModal(round, rows, controlLabels("es"));
    expect(modal.title).toBe("Responder todas las preguntas");
    expect(JSON.stringify(modal.components)).toContain("O con tus palabras");
  });

  it("opens one modal: a select per open question with its options, a text input without options, and own words", () => {
    const modal = buildAnswerAllModal(round, rows);
    expect(modal.custom_id).toBe("tailor:answer:all:1");
    expect(modal.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.modalInputs);
    const inner = modal.components.map((c) => (c.type === ComponentType.Label ? c.component : undefined));
    expect(inner.map((c) => [c?.type, c?.custom_id])).toEqual([
      [ComponentType.StringSelect, "r1q1"],
      [ComponentType.StringSelect, "r1q2"],
      [ComponentType.TextInput, "r1q3"],
      [ComponentType.TextInput, "tailor:own-words"],
    ]);
    expect(inner[0]).toMatchObject({
      required: false,
      min_values: 0,
      options: [
        { label: "Investors", value: "0" },
        { label: "Customers", value: "1" },
        { label: "My team", value: "2" },
      ],
    });
    for (const label of modal.components)
      if (label.type === ComponentType.Label) {
        expect(label.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.labelText);
        expect((label.description ?? "").length).toBeLessThanOrEqual(DISCORD_LIMITS.labelDescription);
      }
    // A long question keeps its whole text in the label's description.
    expect(modal.components[1]?.type === ComponentType.Label && modal.components[1].description).toContain("best for");
  });

  it("leaves answered questions out", () => {
    const one = markAnswered(rendered.content, rows, { questionId: "r1q1", choice: "Customers" });
    const after = readQuestionMessage(one.content, one.components ?? [])!;
    const modal = buildAnswerAllModal(after, one.components ?? []);
    const ids = modal.components.map((c) => (c.type === ComponentType.Label ? c.component.custom_id : ""));
    expect(ids).toEqual(["r1q2", "r1q3", "tailor:own-words"]);
  });

  it("a pick answers its question; own words answer every question left without a pick", () => {
    const answers = answersOf(
      {
        picks: new Map([
          ["r1q1", ["1"]],
          ["r1q2", []],
        ]),
        texts: new Map([
          ["r1q3", ""],
          ["tailor:own-words", "  warm, and mention the demo day  "],
        ]),
      },
      round,
      rows,
    );
    expect(answers).toEqual({
      r1q1: "Customers",
      r1q2: "warm, and mention the demo day",
      r1q3: "warm, and mention the demo day",
    });
  });

  it("with every question answered, own words go with each answer; an empty form changes nothing", () => {
    const picks = new Map([
      ["r1q1", ["0"]],
      ["r1q2", ["1"]],
    ]);
    const texts = new Map([
      ["r1q3", "the launch date"],
      ["tailor:own-words", "keep it short"],
    ]);
    expect(answersOf({ picks, texts }, round, rows)).toEqual({
      r1q1: "Investors — keep it short",
      r1q2: "Warm — keep it short",
      r1q3: "the launch date — keep it short",
    });
    const empty = normalizeModal({
      interactionId: "i",
      place,
      user: { id: "u" },
      customId: "tailor:answer:all:1",
      fields: new Map([["tailor:own-words", " "]]),
      picks: new Map([["r1q1", []]]),
      round,
      rows,
    });
    expect(empty.action).toBe("empty");
    const garbage = answersOf({ picks: new Map([["r1q1", ["99"]]]), texts: new Map() }, round, rows);
    expect(garbage).toEqual({});
  });
});
