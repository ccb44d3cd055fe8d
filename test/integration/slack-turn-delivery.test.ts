/**
 * How one turn shows in a thread, with the real WebClient against the Slack stand-in: the "working"
 * placeholder and queue position, the reply taking the placeholder's place, in-place question updates,
 * and the file fallback.
 */
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EngineReply } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";
import { SlackTurn } from "../../src/platforms/slack/slack-turn.js";
import { ThreadPoster } from "../../src/platforms/slack/thread-poster.js";
import { BOT_TOKEN, SlackStandin } from "../fixtures/slack-standin/slack-standin.js";

let standin: SlackStandin;
let poster: ThreadPoster;
const target = { channel: "C1", threadTs: "1699999999.000001", userId: "U0OWNER" };

beforeEach(async () => {
  standin = await SlackStandin.start({ echoBotMessages: false });
  const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } });
  poster = new ThreadPoster(client, target, silentLogger);
});

afterEach(async () => {
  await standin.close();
});

const questions: EngineReply = {
  kind: "questions",
  round: 1,
  intro: "Two questions.",
  questions: [
    { id: "q1", capability: "audience", text: "Who reads it?", options: ["investors", "customers"] },
    { id: "q2", capability: "tone", text: "Which tone?", options: ["formal", "warm"] },
  ],
};

const texts = (method: string) => standin.callsOf(method).map((call) => String(call.args.text));

describe("a turn in a Slack thread", () => {
  it("posts a placeholder at once, keeps the queue position current, then puts the reply in its place", async () => {
    const turn = new SlackTurn(poster);
    turn.onProgress({ kind: "queued", position: 2 });
    turn.onProgress({ kind: "queued", position: 1 });
    turn.onProgress({ kind: "working", step: "analyse" });
    const delivery = await turn.deliver([questions]);

    expect(texts("chat.postMessage")).toEqual(["Waiting for the model: position 2 in the queue…"]);
    expect(texts("chat.update")).toEqual([
      "Waiting for the model: you are next…",
      "Working on it…",
      expect.stringContaining("Two questions."),
    ]);
    const placeholderTs = standin.callsOf("chat.update")[0]?.args.ts;
    expect(delivery.questions?.ts).toBe(placeholderTs);
    expect(standin.thread("C1", target.threadTs)).toHaveLength(1);
  });

  it("updates the open questions message in place for an answer in the same round", async () => {
    const first = await new SlackTurn(poster).deliver([questions]);
    if (questions.kind !== "questions" || !first.questions) throw new Error("no questions message");
    const answered: EngineReply = {
      ...questions,
      questions: [{ ...questions.questions[0]!, answer: "investors" }, questions.questions[1]!],
    };
    const second = await new SlackTurn(poster).deliver([answered], first.questions);
    expect(second.updatedInPlace).toBe(true);
    expect(standin.callsOf("chat.postMessage")).toHaveLength(1);
    const blocks = JSON.stringify(standin.messages.get(first.questions.ts)?.blocks);
    expect(blocks).toContain(":white_check_mark: investors");
    expect(blocks).not.toContain("tailor_q:q1");
    expect(blocks).toContain("tailor_q:q2");
  });

  it("removes the placeholder when only a private note comes back", async () => {
    const turn = new SlackTurn(poster);
    turn.onProgress({ kind: "working", step: "integrate" });
    await turn.deliver([{ kind: "notice", code: "not_allowed", text: "Only the owner can answer." }]);
    expect(standin.callsOf("chat.postEphemeral")[0]?.args).toMatchObject({
      user: "U0OWNER",
      thread_ts: target.threadTs,
    });
    expect(standin.callsOf("chat.delete")).toHaveLength(1);
    expect(standin.thread("C1", target.threadTs)).toHaveLength(0);
  });

  it("uploads a long prompt as a file, and posts it as code blocks when the upload fails", async () => {
    const long = `Explain:\n\`\`\`sql\nSELECT 1;\n\`\`\`\n${"More detail. ".repeat(400)}`;
    const prompt: EngineReply = {
      kind: "prompt",
      version: 3,
      text: long,
      checklist: [],
      assumptions: [],
      repaired: [],
    };
    await new SlackTurn(poster).deliver([prompt]);
    expect([...standin.uploads.values()]).toEqual([{ filename: "prompt-v3.md", content: long }]);
    expect(standin.callsOf("files.completeUploadExternal")[0]?.args).toMatchObject({ channel_id: "C1" });

    standin.failNext("files.getUploadURLExternal");
    await new SlackTurn(poster).deliver([prompt]);
    const parts = texts("chat.postMessage").filter((text) => text.startsWith("Prompt, part"));
    expect(parts.length).toBeGreaterThan(1);
    expect(standin.violations).toEqual([]);
  });
});
