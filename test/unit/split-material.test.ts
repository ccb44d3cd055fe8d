import { describe, expect, it } from "vitest";
import { excerpt, materialBlock, splitMaterial } from "../../src/core/model-calls/split-material.js";

const transcript = Array.from({ length: 30 }, (_, i) => `Speaker ${i % 3}: point number ${i} about the launch`).join(
  "\n",
);

describe("pasted material", () => {
  it("separates a request from the transcript pasted after it", () => {
    const split = splitMaterial(`summarize this meeting for my team:\n${transcript}`);
    expect(split.request).toBe("summarize this meeting for my team");
    expect(split.material).toBe(transcript);
  });

  it("treats code fences as material", () => {
    const split = splitMaterial("review this pls\n```js\nconst a = 1;\n```");
    expect(split).toEqual({ request: "review this pls", material: "```js\nconst a = 1;\n```" });
  });

  it("leaves ordinary requests alone", () => {
    expect(splitMaterial("write a cold email: short and warm")).toEqual({
      request: "write a cold email: short and warm",
    });
  });

  it("the calls see an excerpt; the prompt carries the material verbatim", () => {
    expect(excerpt(transcript, 100).length).toBeLessThan(200);
    expect(materialBlock(transcript)).toContain(`<<<\n${transcript}\n>>>`);
  });
});
