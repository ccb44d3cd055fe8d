import { describe, expect, it } from "vitest";
import { partialJsonString } from "../../src/core/model-calls/partial-json-string.js";
import { lineDiff } from "../../src/core/versions/line-diff.js";

describe("lineDiff: what changed between two prompt versions", () => {
  it("lists only added and removed lines, in reading order", () => {
    const before = "Role: editor\nTask: write\nLength: 300 words\nOutput only the email.";
    const after = "Role: editor\nTask: write\nLength: 150 words\nTone: warm\nOutput only the email.";
    expect(lineDiff(before, after)).toEqual([
      { op: "removed", text: "Length: 300 words" },
      { op: "added", text: "Length: 150 words" },
      { op: "added", text: "Tone: warm" },
    ]);
  });

  it("ignores blank lines and trailing spaces; identical versions have no changes", () => {
    expect(lineDiff("a\n\nb  ", "a\nb")).toEqual([]);
  });
});

describe("partialJsonString: the prompt while the model is still writing the JSON", () => {
  const full = JSON.stringify({ prompt: 'Role: "coach"\nTask: plan\u00e9', assumptions: ["x"] });

  it("reads the field as far as it has arrived, decoding escapes", () => {
    expect(partialJsonString('{"prompt": "Role: \\"coa', "prompt")).toBe('Role: "coa');
    expect(partialJsonString(full, "prompt")).toBe('Role: "coach"\nTask: planée'.slice(0, 25));
    expect(partialJsonString(full.slice(0, 12), "prompt")).toBe("R");
  });

  it("is undefined before the value starts, and never reads a nested field of the same name", () => {
    expect(partialJsonString('{"prom', "prompt")).toBeUndefined();
    expect(partialJsonString('{"prompt":', "prompt")).toBeUndefined();
    expect(partialJsonString('{"x": {"prompt": "inner"}, "prompt": "outer', "prompt")).toBe("outer");
    expect(partialJsonString('{"assumptions": ["prompt"], "prompt": "p', "prompt")).toBe("p");
  });

  it("waits for a whole escape before decoding it", () => {
    expect(partialJsonString('{"prompt": "a\\', "prompt")).toBe("a");
    expect(partialJsonString('{"prompt": "a\\u00', "prompt")).toBe("a");
    expect(partialJsonString('{"prompt": "a\\u00e9', "prompt")).toBe("aé");
  });
});
