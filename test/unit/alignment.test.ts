import { describe, expect, it } from "vitest";
import { verifyAlignment } from "../../src/core/alignment/verify-alignment.js";
import type { CapabilityState } from "../../src/core/conversation.js";
import { engineHarness, only } from "../fakes/engine-harness.js";
import { FakeModel } from "../fakes/fake-model.js";

const pinned = (id: CapabilityState["id"], value: string): CapabilityState => ({
  id,
  status: "pinned",
  value,
  source: "answer",
});

describe("alignment check", () => {
  it("accepts a prompt carrying every pinned value, ignoring case and whitespace", () => {
    const result = verifyAlignment("Write for ANGEL\n  investors in a warm tone.", [
      pinned("audience", "angel investors"),
      pinned("tone", "Warm"),
      { id: "length", status: "assumed", value: "200 words" },
    ]);
    expect(result.repaired).toEqual([]);
  });

  it("adds a dropped pinned value under the prompt's requirements", () => {
    const result = verifyAlignment("Role: writer\nRequirements:\n- be clear\nFormat: prose", [
      pinned("audience", "angel investors"),
    ]);
    expect(result.repaired).toEqual(["Audience: angel investors"]);
    expect(result.prompt).toBe("Role: writer\nRequirements:\n- Audience: angel investors\n- be clear\nFormat: prose");
  });

  it("appends a requirements section when the prompt has none", () => {
    const result = verifyAlignment("Role: writer", [pinned("tone", "playful")]);
    expect(result.prompt).toBe("Role: writer\n\nRequirements:\n- Tone: playful");
  });

  it("repairs a model that dropped a pinned answer, and says so in the reply", async () => {
    const model = new FakeModel({
      synthesize: () => JSON.stringify({ prompt: "Role: writer\nTask: an email", assumptions: [], corrections: [] }),
    });
    const { send } = await engineHarness({ model });
    const questions = only(await send({ kind: "start", text: "write a cold email" }), "questions");
    await send({ kind: "answer", questionId: questions.questions[0]!.id, option: "Investors" });
    const prompt = only(
      await send({ kind: "answer", questionId: questions.questions[1]!.id, option: "Warm" }),
      "prompt",
    );
    expect(prompt.repaired).toEqual(["Audience: Investors", "Tone: Warm"]);
    expect(prompt.text).toContain("- Audience: Investors");
  });
});
