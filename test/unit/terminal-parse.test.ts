import { describe, expect, it } from "vitest";
import type { QuestionView } from "../../src/core/engine-api.js";
import { parseTerminalLine } from "../../src/platforms/terminal/parse-terminal-line.js";

const open: QuestionView[] = [
  { id: "q1", capability: "audience", text: "Who reads it?", options: ["Investors", "Customers", "Team"] },
  { id: "q2", capability: "tone", text: "Tone?", options: ["Formal", "Warm"] },
];

describe("parseTerminalLine", () => {
  it("a single number answers the first open question", () => {
    expect(parseTerminalLine("2", open)).toEqual({
      kind: "answers",
      picks: [{ questionId: "q1", option: "Customers" }],
    });
  });

  it("several numbers answer the open questions in order", () => {
    expect(parseTerminalLine(" 3  1 ", open)).toEqual({
      kind: "answers",
      picks: [
        { questionId: "q1", option: "Team" },
        { questionId: "q2", option: "Formal" },
      ],
    });
  });

  it("an option number out of range is explained, not sent", () => {
    expect(parseTerminalLine("1 5", open)).toMatchObject({
      kind: "invalid",
      message: expect.stringContaining("1 to 2"),
    });
    expect(parseTerminalLine("1 1 1", open)).toMatchObject({ kind: "invalid" });
    expect(parseTerminalLine("1 1", open.slice(0, 1))).toEqual({
      kind: "invalid",
      message: "There is 1 open question; type at most one number.",
    });
  });

  it("other text, and numbers when nothing is open, are free text", () => {
    expect(parseTerminalLine("my investors, formal", open)).toEqual({ kind: "text", text: "my investors, formal" });
    expect(parseTerminalLine("42", [])).toEqual({ kind: "text", text: "42" });
  });
});
