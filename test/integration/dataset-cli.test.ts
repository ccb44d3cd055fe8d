import { execFile } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { DatasetSummary } from "../../src/dataset/summary.js";

const run = promisify(execFile);
const TSX = "node_modules/.bin/tsx";

describe("npm run dataset (library mode)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dataset-cli-"));
  const out = path.join(dir, "train.jsonl");
  const summaryFile = path.join(dir, "summary.json");
  const dataset = (...args: string[]) => run(TSX, ["src/cli/dataset.ts", "--out", out, ...args]);

  it("writes --size dialogues, prints a summary, and passes its own verification", async () => {
    const { stdout, stderr } = await dataset("--size", "30", "--summary-json", summaryFile);
    expect(stdout).toContain("30 dialogues");
    expect(stdout).toMatch(/per step: analyse 30/);
    expect(stderr).toContain("30/30 dialogues");
    const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as DatasetSummary;
    expect(summary.dialogues).toBe(30);
    expect(Object.keys(summary.per_language).sort()).toEqual(["de", "en", "es", "fr"]);
    const verify = await run(TSX, ["src/cli/dataset.ts", "--verify", out]);
    expect(verify.stdout).toContain("30 dialogues, 0 with problems");
  });

  it("resumes after a torn write: cuts the partial line and adds only what is missing", async () => {
    const before = readFileSync(out, "utf8").trim().split("\n").length;
    appendFileSync(out, '{"messages":[{"role":"system","content":"cut off');
    const { stdout } = await dataset("--size", "60", "--summary-json", summaryFile);
    expect(stdout).toContain("60 dialogues");
    const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as DatasetSummary;
    expect(summary.added_dialogues).toBe(30);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines.length).toBe(before + summary.added_examples);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    const again = await dataset("--size", "60");
    expect(again.stdout).toContain("this run added 0 dialogues");
  });

  it("refuses a file it did not write, and bad arguments", async () => {
    const foreign = path.join(dir, "foreign.jsonl");
    appendFileSync(foreign, '{"hello":"world"}\n');
    const failure = await run(TSX, ["src/cli/dataset.ts", "--out", foreign, "--size", "2"]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain("foreign.jsonl:1 is not a dataset line");
    const usage = await run(TSX, ["src/cli/dataset.ts", "--size", "2"]).catch((error: { code: number }) => error);
    expect(usage).toMatchObject({ code: 2 });
  });
});
