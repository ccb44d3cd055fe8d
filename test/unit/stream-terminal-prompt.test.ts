import { describe, expect, it } from "vitest";
import type { PromptReply } from "../../src/platforms/terminal/render-terminal-reply.js";
import { TerminalPromptStream } from "../../src/platforms/terminal/terminal-prompt-stream.js";

const reply = (version: number, text: string): PromptReply => ({
  kind: "prompt",
  version,
  text,
  checklist: [],
  assumptions: [],
  repaired: [],
  visibility: "public",
  closesRound: false,
});

/** The stream's output, and what it wrote at each call. */
function printer() {
  let out = "";
  const stream = new TerminalPromptStream((text) => {
    out += text;
  });
  return { stream, out: () => out };
}

/** The text of the last block of a version: what the guarantee is about. */
const lastBlock = (out: string, version: number) =>
  [...out.matchAll(new RegExp(`^--- prompt v${version} ---\\n([\\s\\S]*?)\\n--- end ---$`, "gm"))].at(-1)?.[1];

const NEXT = 'Type a refinement ("shorter", "for a 5th grader"), or new, forget, help.';

describe("TerminalPromptStream", () => {
  it("writes only what each draft adds, holds trailing whitespace back, and completes the block with the final text", () => {
    const { stream, out } = printer();
    stream.draft({ version: 1, text: "Role: " });
    expect(out()).toBe("--- prompt v1 ---\nRole:");
    stream.draft({ version: 1, text: "Role: writer\n" });
    expect(out()).toBe("--- prompt v1 ---\nRole: writer");
    stream.draft({ version: 1, text: "Role: writer\nTask: email" });
    expect(stream.streaming).toBe(true);
    // The final prompt continues the draft (the user's own words appended): the block is completed in place.
    stream.finish(reply(1, "Role: writer\nTask: email to investors\n\nYour words: warm"));
    expect(stream.streaming).toBe(false);
    expect(out()).toBe(
      `--- prompt v1 ---\nRole: writer\nTask: email to investors\n\nYour words: warm\n--- end ---\n${NEXT}\n`,
    );
  });

  it("a final prompt that does not continue the draft is written again in full after a line saying it was revised", () => {
    const { stream, out } = printer();
    stream.draft({ version: 2, text: "Role: writer\nTask: a long email" });
    stream.finish(reply(2, "Role: writer\nAudience: investors\nTask: a long email"));
    expect(out()).toBe(
      [
        "--- prompt v2 ---",
        "Role: writer\nTask: a long email",
        "--- end ---",
        "(revised: prompt v2 differs from the text above)",
        "--- prompt v2 ---",
        "Role: writer\nAudience: investors\nTask: a long email",
        "--- end ---",
        NEXT,
        "",
      ].join("\n"),
    );
    expect(lastBlock(out(), 2)).toBe("Role: writer\nAudience: investors\nTask: a long email");
  });

  it("a draft that does not continue the one before (the model started again) closes the block and streams anew", () => {
    const { stream, out } = printer();
    stream.draft({ version: 1, text: "First try, cut" });
    stream.draft({ version: 1, text: "Second" });
    stream.draft({ version: 1, text: "Second try" });
    stream.finish(reply(1, "Second try"));
    expect(out()).toBe(
      [
        "--- prompt v1 ---",
        "First try, cut",
        "--- end ---",
        "(revised: prompt v1 differs from the text above)",
        "--- prompt v1 ---",
        "Second try",
        "--- end ---",
        NEXT,
        "",
      ].join("\n"),
    );
  });

  it("a turn that ends without its prompt closes the block and says the prompt was not finished", () => {
    const { stream, out } = printer();
    stream.draft({ version: 3, text: "Half a pro" });
    stream.abandon();
    expect(out()).toBe("--- prompt v3 ---\nHalf a pro\n--- end ---\n(prompt v3 was not finished)\n");
    expect(stream.streaming).toBe(false);
    // Nothing streamed: a prompt is written whole, as always.
    stream.finish(reply(3, "Whole"));
    expect(lastBlock(out(), 3)).toBe("Whole");
    stream.abandon();
    expect(out().endsWith(`${NEXT}\n`)).toBe(true);
  });

  it("the revised and unfinished lines follow the draft's (or the reply's) language; the markers do not change", () => {
    const { stream, out } = printer();
    stream.draft({ version: 2, text: "Rolle: Autor", language: "de" });
    stream.finish({ ...reply(2, "Rolle: Lektor"), language: "de" });
    stream.draft({ version: 3, text: "Halb", language: "de" });
    stream.abandon();
    stream.draft({ version: 4, text: "Moitié" });
    stream.abandon("fr");
    expect(out()).toBe(
      [
        "--- prompt v2 ---",
        "Rolle: Autor",
        "--- end ---",
        "(überarbeitet: Prompt v2 weicht vom Text oben ab)",
        "--- prompt v2 ---",
        "Rolle: Lektor",
        "--- end ---",
        "Schreib eine Verfeinerung („kürzer“, „für eine 5. Klasse“) oder new, forget, help.",
        "--- prompt v3 ---",
        "Halb",
        "--- end ---",
        "(Prompt v3 wurde nicht fertig)",
        "--- prompt v4 ---",
        "Moitié",
        "--- end ---",
        "(le prompt v4 n'a pas été terminé)",
        "",
      ].join("\n"),
    );
  });
});
