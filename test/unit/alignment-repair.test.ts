import { describe, expect, it } from "vitest";
import { verifyAlignment } from "../../src/core/alignment/verify-alignment.js";
import type { CapabilityState } from "../../src/core/conversation.js";

const pin = (id: CapabilityState["id"], value: string): CapabilityState => ({
  id,
  status: "pinned",
  value,
  source: "intent",
});

describe("alignment repair wording", () => {
  it.each([
    ["## Requirements", "## Requirements\n- Include: a shopping list"],
    ["**Requirements:**", "**Requirements:**\n- Include: a shopping list"],
    ["4. Requirements", "4. Requirements\n- Include: a shopping list"],
    ["Requirements: be concise", "Requirements: be concise\n- Include: a shopping list"],
  ])("finds the heading %s", (heading, expected) => {
    const prompt = `Role: dietitian\n${heading}\nFormat: table`;
    const result = verifyAlignment(prompt, [pin("must_include", "a shopping list")]);
    expect(result.prompt).toContain(expected);
    expect(result.repaired).toEqual(["Include: a shopping list"]);
  });

  it("puts each value where it belongs, in readable words, never a capability id", () => {
    const prompt = "Role: coach\nContext:\nTask: plan\nRequirements:\n1. Be clear\nConstraints:\nOutput only the plan.";
    const result = verifyAlignment(prompt, [
      pin("avoid", "no gym"),
      pin("context", "I work nights"),
      pin("audience", "my dad"),
    ]);
    expect(result.prompt).toContain("Context:\n- Context: I work nights");
    expect(result.prompt).toContain("Constraints:\n- Avoid: no gym");
    expect(result.prompt).toContain("Requirements:\n- Audience: my dad");
    expect(result.prompt).not.toMatch(/must_include|avoid:/);
  });

  it("without any heading, adds a Requirements block before the closing Output only line", () => {
    const result = verifyAlignment("Write a plan.\nOutput only the plan.", [pin("tone", "warm")]);
    expect(result.prompt).toBe("Write a plan.\n\nRequirements:\n- Tone: warm\nOutput only the plan.");
  });
});
