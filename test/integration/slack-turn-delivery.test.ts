/**
 * How one turn shows in a thread, with the real WebClient against the Slack stand-in: the "working"
 * placeholder and queue position, the reply taking the placeholder's place, in-place question updates
 * and closing through the conversation's refs (not process memory), private replies, and the file fallback.
 */
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { withPolicy } from "../../src/core/engine/reply-policy.js";
import type { EngineReply, ReplyBody, TurnIo } from "../../src/core/engine-api.js";
import { silentLogger } from "../../src/log/logger.js";
import { SlackTurn } from "../../src/platforms/slack/slack-turn.js";
import { ThreadPoster } from "../../src/platforms/slack/thread-poster.js";
import { BOT_TOKEN, SlackStandin } from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

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

/** The refs as the store would keep them between turns (each turn gets what the last one saved). */
const storedRefs = (initial: Record<string, string> = {}, refuse = false) => {
  const refs: Record<string, string> = { ...initial };
  const io: TurnIo = {
    get refs() {
      return { ...refs };
    },
    setRefs: async (patch) => {
      if (refuse) return false;
      for (const [name, value] of Object.entries(patch)) {
        if (value === undefined) delete refs[name];
        else refs[name] = value;
      }
      return true;
    },
  };
  return { refs, io };
};

const reply = (body: ReplyBody): EngineReply => withPolicy(body);
const round1: ReplyBody = {
  kind: "questions",
  round: 1,
  intro: "Two questions.",
  questions: [
    { id: "q1", capability: "audience", text: "Who reads it?", options: ["investors", "customers"] },
    { id: "q2", capability: "tone", text: "Which tone?", options: ["formal", "warm"] },
  ],
};
const questions = reply(round1);

const texts = (method: string) => standin.callsOf(method).map((call) => String(call.args.text));

describe("a turn in a Slack thread", () => {
  it("posts a placeholder at once, keeps the queue position current, then puts the reply in its place", async () => {
    const { refs, io } = storedRefs();
    const turn = new SlackTurn(poster);
    turn.onProgress({ kind: "queued", position: 2 }, io);
    turn.onProgress({ kind: "queued", position: 1 }, io);
    turn.onProgress({ kind: "working", step: "analyse" }, io);
    await turn.deliver([questions], io);

    expect(texts("chat.postMessage")).toEqual(["Waiting for the model: position 2 in the queue…"]);
    expect(texts("chat.update")).toEqual([
      "Waiting for the model: you are next…",
      "Working on it…",
      expect.stringContaining("Two questions."),
    ]);
    const placeholderTs = standin.callsOf("chat.update")[0]?.args.ts;
    expect(refs).toEqual({ questions: placeholderTs, questionsRound: "1" });
    expect(standin.thread("C1", target.threadTs)).toHaveLength(1);
  });

  it("updates the round's message in place through the saved refs, then closes it when the engine says so", async () => {
    const { refs, io } = storedRefs();
    await new SlackTurn(poster).deliver([questions], io);
    const ts = refs.questions;
    if (!ts) throw new Error("no questions ref");
    const answered = reply({
      ...round1,
      questions: [{ ...round1.questions[0]!, answer: "investors" }, round1.questions[1]!],
    } as ReplyBody);
    // A new SlackTurn (another replica, or after a restart): only the refs connect the turns.
    await new SlackTurn(poster).deliver([answered], io);
    expect(standin.callsOf("chat.postMessage")).toHaveLength(1);
    let blocks = JSON.stringify(standin.messages.get(ts)?.blocks);
    expect(blocks).toContain(":white_check_mark: investors");
    expect(blocks).not.toContain("tailor_q:q1");
    expect(blocks).toContain("tailor_q:q2");

    const closed = reply({ ...(answered as ReplyBody & { kind: "questions" }), closed: true });
    const prompt = reply({
      kind: "prompt",
      version: 1,
      text: "A prompt.",
      checklist: [],
      assumptions: [],
      repaired: [],
    });
    await new SlackTurn(poster).deliver([closed, prompt], io);
    blocks = JSON.stringify(standin.messages.get(ts)?.blocks);
    expect(blocks).not.toContain("tailor_");
    expect(blocks).toContain("These questions are closed.");
    expect(refs.questions).toBeUndefined();
    expect(refs.prompt).toBeDefined();
  });

  it("takes over a placeholder a dead turn left behind", async () => {
    const left = await poster.post({ text: "Working on it…", blocks: [] });
    const { refs, io } = storedRefs({ working: left ?? "" });
    await new SlackTurn(poster).deliver([questions], io);
    expect(standin.callsOf("chat.postMessage")).toHaveLength(1);
    expect(standin.messages.get(left ?? "")?.text).toContain("Two questions.");
    expect(refs.working).toBeUndefined();
  });

  it("never turns a placeholder whose ref could not be dropped into a reply (a later turn would overwrite it)", async () => {
    const left = await poster.post({ text: "Working on it…", blocks: [] });
    const { io } = storedRefs({ working: left ?? "" }, true);
    await new SlackTurn(poster).deliver([questions], io);
    expect(standin.messages.has(left ?? "")).toBe(false);
    expect(standin.callsOf("chat.postMessage")).toHaveLength(2);
  });

  it("removes the placeholder when only a private note comes back", async () => {
    const { io } = storedRefs();
    const turn = new SlackTurn(poster);
    turn.onProgress({ kind: "working", step: "integrate" }, io);
    await turn.deliver(
      [reply({ kind: "notice", code: "not_owner", text: "Only the person who asked can answer." })],
      io,
    );
    expect(standin.callsOf("chat.postEphemeral")[0]?.args).toMatchObject({
      user: "U0OWNER",
      thread_ts: target.threadTs,
    });
    expect(standin.callsOf("chat.delete")).toHaveLength(1);
    expect(standin.thread("C1", target.threadTs)).toHaveLength(0);
  });

  it("uploads a long prompt as a file, and posts it as code blocks when the upload fails", async () => {
    const long = `Explain:\n\`\`\`sql\nSELECT 1;\n\`\`\`\n${"More detail. ".repeat(400)}`;
    const prompt = reply({ kind: "prompt", version: 3, text: long, checklist: [], assumptions: [], repaired: [] });
    await new SlackTurn(poster).deliver([prompt], storedRefs().io);
    expect([...standin.uploads.values()]).toEqual([{ filename: "prompt-v3.md", content: long }]);
    expect(standin.callsOf("files.completeUploadExternal")[0]?.args).toMatchObject({ channel_id: "C1" });

    standin.failNext("files.getUploadURLExternal");
    await new SlackTurn(poster).deliver([prompt], storedRefs().io);
    const parts = texts("chat.postMessage").filter((text) => /^Tailored prompt v3 \(\d+\/\d+\)$/.test(text));
    expect(parts.length).toBeGreaterThan(1);
    expect(standin.violations).toEqual([]);
  });

  it("a stream that broke off (past its time) goes on as edits of the streamed message, which the prompt then replaces", async () => {
    const { refs, io } = storedRefs();
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: standin.apiUrl, retryConfig: { retries: 0 } });
    // A stream outside a DM names its recipient and their team.
    const streaming = new ThreadPoster(client, { ...target, teamId: "T1" }, silentLogger);
    const turn = new SlackTurn(streaming, { draftIntervalMs: 0 });
    turn.onProgress({ kind: "working", step: "synthesize" }, io);
    turn.onDraft({ version: 1, text: "Role: a <!here> writer." }, io);
    await waitFor(() => standin.callsOf("chat.startStream")[0], { what: "the stream" });
    const streamTs = [...standin.messages.values()].find((m) => m.streaming)?.ts;
    standin.expireStreams();
    turn.onDraft({ version: 1, text: "Role: a <!here> writer.\nTask: the email." }, io);
    await waitFor(() => standin.callsOf("chat.update").find((call) => call.args.ts === streamTs), {
      what: "the draft edited in place",
    });
    expect(standin.callsOf("chat.appendStream").map((call) => call.ok)).toEqual([false]);
    expect(JSON.stringify(standin.messages.get(streamTs ?? "")?.blocks)).toContain("Task: the email.");
    expect(JSON.stringify(standin.messages.get(streamTs ?? "")?.blocks)).not.toMatch(/<[!@]/);

    const prompt = reply({
      kind: "prompt",
      version: 1,
      text: "Role: a writer.",
      checklist: [],
      assumptions: [],
      repaired: [],
    });
    await turn.deliver([prompt], io);
    expect(refs.prompt).toBe(streamTs);
    // The working message (with its Stop button) went; the streamed message holds the prompt.
    expect(standin.thread("C1", target.threadTs).map((m) => m.ts)).toEqual([streamTs]);
    expect(standin.messages.get(streamTs ?? "")?.text).toBe("Tailored prompt v1");
  });
});
