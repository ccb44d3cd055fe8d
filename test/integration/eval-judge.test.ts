/**
 * The pairwise judge against two local OpenAI-compatible stand-ins over real sockets: one plays the
 * target model (it echoes which input it got), the other the judge (its verdicts are scripted).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { judgeIntent, parseVerdict } from "../../src/eval/judge.js";

const INTENT = "write a cover letter for a barista job";
const TAILORED = "## Role\nYou are a hiring coach.\n## Task\nWrite a cover letter for a barista job.";
const ANSWERS = { raw: "ANSWER-RAW", cot: "ANSWER-COT", tailored: "ANSWER-TAILORED" };

interface ChatBody {
  model: string;
  temperature: number;
  messages: { role: string; content: string }[];
}

interface Standin {
  url: string;
  chats: ChatBody[];
  modelLists: number;
  authorization: (string | undefined)[];
  status: number;
  close: () => Promise<void>;
}

async function startStandin(model: string, answer: (content: string) => string): Promise<Standin> {
  const standin: Omit<Standin, "url" | "close"> = { chats: [], modelLists: 0, authorization: [], status: 200 };
  const reply = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };
  const server: Server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    standin.authorization.push(request.headers.authorization);
    if (request.method === "GET" && request.url === "/v1/models") {
      standin.modelLists += 1;
      return reply(response, 200, { object: "list", data: [{ id: model, object: "model" }] });
    }
    if (request.method === "POST" && request.url === "/v1/chat/completions") {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ChatBody;
      standin.chats.push(body);
      if (standin.status !== 200) return reply(response, standin.status, { error: { message: "overloaded" } });
      const content = answer(body.messages.at(-1)?.content ?? "");
      return reply(response, 200, { choices: [{ index: 0, message: { role: "assistant", content } }] });
    }
    reply(response, 404, { error: { message: "not found" } });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(standin, {
    url: `http://127.0.0.1:${port}/v1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Echoes which of the three inputs it answered. */
function targetAnswer(content: string): string {
  if (content === TAILORED) return ANSWERS.tailored;
  if (content.endsWith("Let's think step by step.")) return ANSWERS.cot;
  return ANSWERS.raw;
}

/** Prefers the tailored answer over the raw one in any position; against CoT it always says "A". */
function judgeAnswer(content: string): string {
  const tailored = content.indexOf(ANSWERS.tailored);
  const raw = content.indexOf(ANSWERS.raw);
  if (raw >= 0) return tailored < raw ? "A" : "B";
  return "A";
}

/** The answers the judge saw, as [response A, response B]. */
function order(content: string): [string, string] {
  const found = Object.values(ANSWERS)
    .map((text) => ({ text, at: content.indexOf(text) }))
    .filter(({ at }) => at >= 0)
    .sort((x, y) => x.at - y.at);
  return [found[0]?.text ?? "", found[1]?.text ?? ""];
}

let target: Standin;
let judge: Standin;
beforeAll(async () => {
  target = await startStandin("target-model", targetAnswer);
  judge = await startStandin("judge-model", judgeAnswer);
});
afterAll(async () => {
  await target.close();
  await judge.close();
});
beforeEach(() => {
  for (const standin of [target, judge]) {
    standin.chats.length = 0;
    standin.modelLists = 0;
    standin.authorization.length = 0;
    standin.status = 200;
  }
});

describe("judgeIntent", () => {
  it("wins only a pair the tailored answer wins in both orders", async () => {
    const outcome = await judgeIntent(INTENT, TAILORED, {
      targetUrl: target.url,
      judgeUrl: `${judge.url}/`,
      judgeModel: "judge-by-name",
      apiKey: "sk-test",
    });
    expect(outcome).toEqual({ vs_raw: "win", vs_cot: "tie" });

    expect(target.chats).toHaveLength(3);
    expect(target.chats.map((chat) => chat.messages.at(-1)?.content).sort()).toEqual(
      [INTENT, `${INTENT}\n\nLet's think step by step.`, TAILORED].sort(),
    );
    // No target model given: the first id of /models; the judge model was named.
    expect(target.modelLists).toBe(1);
    expect(target.chats.every((chat) => chat.model === "target-model" && chat.temperature === 0)).toBe(true);
    expect(judge.modelLists).toBe(0);
    expect(judge.chats.every((chat) => chat.model === "judge-by-name" && chat.temperature === 0)).toBe(true);

    expect(judge.chats).toHaveLength(4);
    const orders = judge.chats.map((chat) => order(chat.messages.at(-1)?.content ?? "").join(" vs "));
    expect(orders.sort()).toEqual(
      [
        `${ANSWERS.tailored} vs ${ANSWERS.raw}`,
        `${ANSWERS.raw} vs ${ANSWERS.tailored}`,
        `${ANSWERS.tailored} vs ${ANSWERS.cot}`,
        `${ANSWERS.cot} vs ${ANSWERS.tailored}`,
      ].sort(),
    );
    // The judge is shown the user's own request.
    expect(judge.chats.every((chat) => chat.messages.at(-1)?.content.includes(INTENT))).toBe(true);
    expect([...target.authorization, ...judge.authorization].every((value) => value === "Bearer sk-test")).toBe(true);
  });

  it("rejects naming the URL and status when the judge answers 500", async () => {
    judge.status = 500;
    await expect(
      judgeIntent(INTENT, TAILORED, { targetUrl: target.url, judgeUrl: judge.url, judgeModel: "judge-model" }),
    ).rejects.toThrow(/\/v1\/chat\/completions answered 500/);
  });

  it("never names the credentials of a URL in its error", async () => {
    judge.status = 503;
    const judgeUrl = judge.url.replace("http://", "http://alice:s3cret@");
    const error = await judgeIntent(INTENT, TAILORED, { targetUrl: target.url, judgeUrl, targetModel: "t" }).catch(
      (caught: unknown) => caught as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("503");
    expect((error as Error).message).not.toContain("s3cret");
    expect(judge.authorization).toContain(`Basic ${Buffer.from("alice:s3cret").toString("base64")}`);
  });
});

describe("parseVerdict", () => {
  it("takes the first A, B or tie as a word, and anything else as a tie", () => {
    expect(parseVerdict("A")).toBe("A");
    expect(parseVerdict(" b.")).toBe("B");
    expect(parseVerdict("**Tie**")).toBe("tie");
    expect(parseVerdict("Response B is better than A")).toBe("B");
    expect(parseVerdict("<think>A seems fine, but</think>B")).toBe("B");
    expect(parseVerdict("neither")).toBe("tie");
    expect(parseVerdict("")).toBe("tie");
  });
});
