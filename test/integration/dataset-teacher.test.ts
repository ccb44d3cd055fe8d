import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExampleLine } from "../../src/dataset/example-line.js";
import type { DatasetSummary } from "../../src/dataset/summary.js";

const run = promisify(execFile);
const TSX = "node_modules/.bin/tsx";

const TASKS = ["a short poem about", "a blog post on", "an email to my team about", "a lesson plan on", "a quiz about"];
const TOPICS = ["tea", "volcanoes", "chess openings", "jazz history", "bicycle repair", "city gardens", "sleep"];

interface Seen {
  names: string[];
  strict: boolean[];
  inFlight: number;
  maxInFlight: number;
  synthesizeCalls: number;
  dropped: boolean;
}

/**
 * An OpenAI-compatible stand-in: answers each request with valid JSON for the schema it names, except
 * the first synthesize answer (not JSON) and the second (it drops the pinned values).
 */
function standIn(seen: Seen): Server {
  let intents = 0;
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => resolve(body));
    });
  return createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/v1/models") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data: [{ id: "stand-in-teacher" }] }));
      return;
    }
    const body = JSON.parse(await read(req)) as {
      messages: { role: string; content: string }[];
      response_format: { type: string; json_schema: { name: string; strict: boolean; schema: object } };
    };
    seen.inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    await new Promise((r) => setTimeout(r, 5));
    const name = body.response_format.json_schema.name;
    seen.names.push(name);
    seen.strict.push(body.response_format.type === "json_schema" && body.response_format.json_schema.strict);
    const user = body.messages[1]?.content ?? "";
    const pinned = [...(user.split("Pinned by the user")[1]?.split("Assumed")[0] ?? "").matchAll(/"([^"]+)"/g)].map(
      (m) => m[1] ?? "",
    );
    let content: string;
    switch (name) {
      case "intent": {
        const n = intents++;
        content = JSON.stringify({
          intent: `write ${TASKS[n % TASKS.length]} ${TOPICS[Math.floor(n / TASKS.length) % TOPICS.length]}, keep it friendly`,
        });
        break;
      }
      case "analyse":
        content = JSON.stringify({
          domain: "email",
          pinned: [{ capability: "tone", quote: "keep it friendly" }],
          assumed: [{ capability: "format", value: "short paragraphs" }],
          questions: [
            { capability: "audience", question: "Who is it for?", options: ["My team", "My boss"] },
            { capability: "length", question: "How long?", options: ["Under 100 words", "One page"] },
          ],
        });
        break;
      case "user_answer":
        content = JSON.stringify({ answer: "my team, under 100 words" });
        break;
      case "integrate":
        content = JSON.stringify({
          pinned: [
            { capability: "audience", value: "my team" },
            { capability: "length", value: "under 100 words" },
          ],
          more_questions: [],
        });
        break;
      case "refinement":
        content = JSON.stringify({ request: "make it more formal" });
        break;
      case "synthesize": {
        seen.synthesizeCalls += 1;
        if (seen.synthesizeCalls === 1) {
          content = "Sure! Here is your prompt: Role: ...";
          break;
        }
        const drop = seen.synthesizeCalls === 2 && pinned.length > 0;
        if (drop) seen.dropped = true;
        const refining = user.includes("<request>");
        const requirements = drop
          ? []
          : [...pinned, ...(refining ? ["more formal"] : [])].map((p, i) => `${i + 1}. ${p}`);
        content = JSON.stringify({
          prompt: [
            "Role: You are a careful writer.",
            "Task: Write it.",
            "Requirements:",
            ...requirements,
            "Output only the text.",
          ].join("\n"),
          assumptions: ["format: short paragraphs"],
          corrections: refining ? [{ capability: "tone", value: "more formal" }] : [],
        });
        break;
      }
      default:
        content = "{}";
    }
    seen.inFlight -= 1;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ choices: [{ message: { role: "assistant", content }, finish_reason: "stop" }] }));
  });
}

describe("npm run dataset --teacher (against a local OpenAI-compatible stand-in)", () => {
  const seen: Seen = { names: [], strict: [], inFlight: 0, maxInFlight: 0, synthesizeCalls: 0, dropped: false };
  const server = standIn(seen);
  let url = "";
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("writes validated dialogues, rejects and counts the invalid and the misaligned answers", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "dataset-teacher-"));
    const out = path.join(dir, "teacher.jsonl");
    const summaryFile = path.join(dir, "summary.json");
    const { stdout } = await run(TSX, [
      "src/cli/dataset.ts",
      "--out",
      out,
      "--teacher",
      url,
      "--size",
      "8",
      "--languages",
      "en",
      "--concurrency",
      "3",
      "--summary-json",
      summaryFile,
    ]);
    expect(stdout).toContain("8 dialogues");
    const summary = JSON.parse(readFileSync(summaryFile, "utf8")) as DatasetSummary;
    expect(summary.dialogues).toBe(8);
    expect(summary.rejects["synthesize: not valid JSON"]).toBe(1);
    expect(seen.dropped).toBe(true);
    expect(summary.rejects["synthesize: dropped a pinned value (alignment)"]).toBe(1);
    expect(summary.rejected).toBe(2);

    const lines = readFileSync(out, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ExampleLine);
    expect(lines.every((l) => l.source === "teacher")).toBe(true);
    expect(new Set(lines.map((l) => l.step))).toContain("integrate");
    const synthesized = lines.filter((l) => l.step === "synthesize");
    expect(synthesized).toHaveLength(8);
    // The server's answers as the engine keeps them: the paraphrase-free pins, the schema's key order.
    const analyse = lines.find((l) => l.step === "analyse");
    expect(Object.keys(JSON.parse(analyse?.messages[2].content ?? "{}"))).toEqual([
      "domain",
      "pinned",
      "assumed",
      "questions",
    ]);

    expect(seen.strict.every(Boolean)).toBe(true);
    const allowed = new Set(["intent", "analyse", "user_answer", "integrate", "synthesize", "refinement"]);
    expect(seen.names.filter((n) => !allowed.has(n))).toEqual([]);
    for (const name of ["intent", "analyse", "synthesize"]) expect(seen.names).toContain(name);
    expect(seen.maxInFlight).toBeLessThanOrEqual(3);
    expect(seen.maxInFlight).toBeGreaterThan(1);

    // Every dialogue replays through the engine as it is now.
    const verify = await run(TSX, ["src/cli/dataset.ts", "--verify", out]);
    expect(verify.stdout).toContain("8 dialogues, 0 with problems");

    // Resume: nothing is missing, so the teacher is not asked again.
    const asked = seen.names.length;
    const again = await run(TSX, [
      "src/cli/dataset.ts",
      "--out",
      out,
      "--teacher",
      url,
      "--size",
      "8",
      "--languages",
      "en",
    ]);
    expect(again.stdout).toContain("this run added 0 dialogues");
    expect(seen.names.length).toBe(asked);
  });
});
