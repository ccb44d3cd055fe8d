import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadHeldout } from "../../src/dataset/heldout.js";
import { jaccard, NearDuplicateIndex, normalizeText, shingles, textHash } from "../../src/dataset/near-duplicates.js";
import { schemaProblem } from "../../src/dataset/schema-check.js";

describe("near-duplicate checks", () => {
  it("normalizes case, punctuation and spacing before hashing", () => {
    expect(normalizeText("  Write a POEM!!  about   tea ")).toBe("write a poem about tea");
    expect(textHash("Write a poem, about tea.")).toBe(textHash("write a poem about tea"));
  });

  it("finds a near-duplicate intent and leaves a different one alone", () => {
    const index = new NearDuplicateIndex(0.9);
    index.add("a", "write a cold email to an investor about our seed round");
    index.add("b", "plan a 5 day trip to Lisbon with two kids");
    expect(index.find("Write a cold email to an investor about our seed round!")?.id).toBe("a");
    expect(index.find("write a cold email to an investor about our series A")).toBeUndefined();
    expect(index.find("a haiku about tea")).toBeUndefined();
    expect(jaccard(shingles("abcdef"), shingles("abcdef"))).toBe(1);
  });

  it("keeps held-out intents out: exact, contained and rephrased; one-word ones only exactly", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "heldout-"));
    const file = path.join(dir, "intents.jsonl");
    writeFileSync(
      file,
      [
        { id: "t1", split: "tuning", intent: "write a limerick about cats" },
        { id: "h1", split: "heldout", intent: "gimme 20 names for a dnd campaign set in a flooded city" },
        { id: "h2", split: "heldout", intent: "email" },
        { id: "h3", split: "heldout", intent: "???" },
      ]
        .map((l) => JSON.stringify(l))
        .join("\n"),
    );
    const guard = loadHeldout(file);
    expect(guard.size).toBe(3);
    expect(guard.match("Gimme 20 names for a DnD campaign set in a flooded city!")).toBe("h1");
    expect(guard.match("hey, gimme 20 names for a dnd campaign set in a flooded city, funny")).toBe("h1");
    expect(guard.match("give me 20 names for a dnd campaign in a flooded city")).toBe("h1");
    expect(guard.match("email")).toBe("h2");
    expect(guard.match("write an email to my boss")).toBeUndefined();
    expect(guard.match("write a limerick about cats")).toBeUndefined();
    expect(guard.containedIn("Intent:\ngimme 20 names for a dnd campaign set in a flooded city\n")).toBe("h1");
  });
});

describe("schema bounds of a target", () => {
  const schema = {
    type: "object",
    properties: {
      a: { type: "string", maxLength: 3 },
      b: { type: "array", items: { type: "string", enum: ["x"] }, maxItems: 1 },
    },
    required: ["a", "b"],
    additionalProperties: false,
  };
  it("names what breaks the schema", () => {
    expect(schemaProblem({ a: "abc", b: ["x"] }, schema)).toBeUndefined();
    expect(schemaProblem({ a: "abcd", b: [] }, schema)).toBe("$.a is longer than 3 characters");
    expect(schemaProblem({ a: "a", b: ["x", "x"] }, schema)).toBe("$.b has more than 1 items");
    expect(schemaProblem({ a: "a", b: ["y"] }, schema)).toBe("$.b[0] is not one of the allowed values");
    expect(schemaProblem({ a: "a" }, schema)).toBe("$.b is missing");
    expect(schemaProblem({ a: "a", b: [], c: 1 }, schema)).toBe("$.c is not allowed");
  });
});
