import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const TSX = "node_modules/.bin/tsx";

describe("npm run domains", () => {
  it("prints the top 3 domains as one JSON object a line, best first", async () => {
    const { stdout } = await run(TSX, ["src/cli/domains.ts", "plan a week in Lisbon with my kids"]);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { domain: string; score: number });
    expect(lines).toHaveLength(3);
    expect(lines[0]?.domain).toBe("travel_plan");
    for (const line of lines) expect(Object.keys(line)).toEqual(["domain", "score"]);
    expect(lines.map((l) => l.score)).toEqual([...lines.map((l) => l.score)].sort((a, b) => b - a));
  });

  it("without an intent prints usage on stderr and exits 2", async () => {
    const failure = await run(TSX, ["src/cli/domains.ts"]).catch(
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure).toMatchObject({ code: 2, stdout: "" });
    expect((failure as { stderr: string }).stderr).toContain("usage");
  });
});
