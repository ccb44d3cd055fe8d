import { describe, expect, it } from "vitest";
import { parseIntents } from "../../src/eval/intents-file.js";
import { languageOf, placeholderCount, retention, sectionsOf } from "../../src/eval/score-prompt.js";

describe("intents file", () => {
  it("reports bad lines with their number and keeps the rest", () => {
    const text = [
      JSON.stringify({
        id: "a",
        intent: "email to my boss, under 100 words",
        preferences: { length: "under 100 words" },
      }),
      "{not json",
      JSON.stringify({ id: "b", intent: "a poem", preferences: { humour: "dry" } }),
      JSON.stringify({ id: "c", intent: "a poem", preferences: { tone: "sad" } }),
      "",
      JSON.stringify({ id: "a", intent: "again" }),
      JSON.stringify({ id: "d", intent: "recipe", answers: { audience: 2, tone: "cosy" }, extra: true }),
    ].join("\n");
    const parsed = parseIntents(text);
    expect(parsed.intents.map((i) => [i.id, i.line])).toEqual([
      ["a", 1],
      ["d", 7],
    ]);
    expect(parsed.invalid).toEqual([
      { line: 2, message: "not valid JSON" },
      { line: 3, message: 'preferences.humour: unknown capability "humour"' },
      { line: 4, message: 'preferences.tone: preference tone "sad" is not a substring of the intent' },
      { line: 6, message: 'duplicate id "a"' },
    ]);
  });

  it("the project's own set parses whole", async () => {
    const { readFileSync } = await import("node:fs");
    const parsed = parseIntents(readFileSync("eval/intents.jsonl", "utf8"));
    expect(parsed.invalid).toEqual([]);
    expect(parsed.intents.length).toBeGreaterThanOrEqual(150);
    expect(new Set(parsed.intents.map((i) => i.split))).toEqual(new Set(["tuning", "heldout"]));
  });
});

describe("prompt scores", () => {
  it("retention, sections, placeholders and language", () => {
    const prompt = "Role: coach\n## Task\nWrite for {{name}} in {{city}}.\nConstraints: under 100   words";
    expect(retention(prompt, ["Under 100 words", "no jargon"])).toBe(0.5);
    expect(retention(prompt, [])).toBeNull();
    expect(sectionsOf(prompt)).toEqual(["Role", "Task", "Constraints"]);
    expect(placeholderCount(prompt)).toBe(2);
    expect(languageOf(prompt, "schreib eine Mail an meinen Chef", "de")).toEqual({ language: "en", match: false });
    expect(languageOf(prompt, "🤔").match).toBeNull();
  });
});
