/**
 * A Discord modal submitted with nothing in it says so privately, in the language of the message the
 * modal was opened from (read back from that message's controls), English when there is none.
 */
import type { ModalSubmitInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import { withPolicy } from "../../src/core/engine/reply-policy.js";
import type { EngineReply } from "../../src/core/engine-api.js";
import type { MessageLanguage } from "../../src/core/messages/catalog.js";
import { silentLogger } from "../../src/log/logger.js";
import { CUSTOM_IDS } from "../../src/platforms/discord/custom-ids.js";
import type { DiscordContext } from "../../src/platforms/discord/discord-context.js";
import { handleModal } from "../../src/platforms/discord/handle-modal.js";
import { renderQuestions } from "../../src/platforms/discord/render-questions.js";

type QuestionsReply = Extract<EngineReply, { kind: "questions" }>;

const questionsMessage = (language?: MessageLanguage) =>
  renderQuestions(
    withPolicy({
      kind: "questions",
      round: 1,
      intro: "Zwei Fragen zuerst.",
      questions: [
        { id: "r1q1", capability: "audience", text: "Wer liest es?", options: ["Investoren", "Kunden"] },
        { id: "r1q2", capability: "tone", text: "Welcher Ton?", options: ["Formell", "Warm"] },
      ],
      ...(language ? { language } : {}),
    }) as QuestionsReply,
  );

/** Submits an empty "answer all" modal (opened from `source`, when given); returns what was replied. */
async function submitEmpty(source?: ReturnType<typeof questionsMessage>): Promise<Array<Record<string, unknown>>> {
  const replies: Array<Record<string, unknown>> = [];
  const interaction = {
    id: "I1",
    customId: CUSTOM_IDS.answerAllModal(1),
    channel: { id: "D1", isDMBased: () => true },
    user: { id: "U1", username: "ann", globalName: null },
    fields: { fields: new Map() },
    message: source
      ? {
          id: "M1",
          content: source.content,
          components: (source.components ?? []).map((row) => ({ toJSON: () => row })),
        }
      : null,
    reply: async (payload: Record<string, unknown>) => {
      replies.push(payload);
    },
    deferUpdate: async () => {
      throw new Error("an empty modal starts no turn");
    },
    deferReply: async () => {
      throw new Error("an empty modal starts no turn");
    },
  };
  const context = {
    engine: { claim: async () => ({ claimed: true, replies: [] }) },
    signal: new AbortController().signal,
    logger: silentLogger,
  };
  await handleModal(context as unknown as DiscordContext, interaction as unknown as ModalSubmitInteraction);
  return replies;
}

describe("an empty Discord modal", () => {
  it("is told so in German when opened from a German questions message", async () => {
    const replies = await submitEmpty(questionsMessage("de"));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.content).toBe("Nichts ausgewählt oder geschrieben: Es hat sich nichts geändert.");
  });

  it("is told so in English when its message is English, or when there is no message", async () => {
    const english = "Nothing was picked or written: nothing changed.";
    expect((await submitEmpty(questionsMessage()))[0]?.content).toBe(english);
    expect((await submitEmpty())[0]?.content).toBe(english);
  });
});
