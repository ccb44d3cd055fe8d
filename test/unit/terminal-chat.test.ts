import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runTerminalChat } from "../../src/platforms/terminal/run-terminal-chat.js";
import { engineHarness } from "../fakes/engine-harness.js";

async function chat(lines: string[]) {
  const { engine, model } = await engineHarness();
  const input = new PassThrough();
  const output = new PassThrough();
  let stdout = "";
  output.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const done = runTerminalChat({ engine, input, output, runId: "test" });
  input.end(`${lines.join("\n")}\n`);
  await done;
  return { stdout, model };
}

describe("terminal chat", () => {
  it("goes from a piped intent to a prompt: numbered options, several numbers answer in order", async () => {
    const { stdout, model } = await chat(["write a cold email to an investor", "1 2"]);
    expect(stdout).toContain("Q1. Who will read it?\n  1) Investors\n  2) Customers\n  3) My team");
    expect(stdout).toContain("Q2. Which tone fits?");
    const prompt = /--- prompt v1 ---\n([\s\S]*?)\n--- end ---/.exec(stdout)?.[1];
    expect(prompt).toContain("Investors");
    expect(prompt).toContain("Warm");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
  });

  it("takes free text, refinements as new versions, and typed words", async () => {
    const { stdout } = await chat(["write a cold email to an investor", "angels, warm", "shorter please", "help"]);
    expect(stdout).toMatch(
      /--- prompt v1 ---[\s\S]*--- end ---[\s\S]*--- prompt v2 ---[\s\S]*Refined: shorter please[\s\S]*--- end ---/,
    );
    expect(stdout).toContain("Words: skip");
  });

  it("explains an out-of-range number instead of sending it", async () => {
    const { stdout, model } = await chat(["write a cold email to an investor", "9"]);
    expect(stdout).toContain("Question 1 has options 1 to 3.");
    expect(model.calls).toHaveLength(1);
  });
});
