/**
 * The terminal chat over the real engine (FakeModel, in-memory store): the prompt streams to stdout
 * while the model writes it, and a typed stop or Ctrl-C stops the turn.
 */
import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { InboundEvent, TailorEngine } from "../../src/core/engine-api.js";
import { TailorError } from "../../src/core/errors.js";
import type { ModelRequest } from "../../src/core/ports.js";
import { runTerminalChat } from "../../src/platforms/terminal/run-terminal-chat.js";
import { engineHarness } from "../fakes/engine-harness.js";
import { defaultSynthesize, FakeModel } from "../fakes/fake-model.js";
import { promptBlocks } from "../fixtures/prompt-blocks.js";

/** Streams the first part of the answer, then writes on until the call is stopped. */
const stoppableSynthesize = async (request: ModelRequest): Promise<string> => {
  const answer = defaultSynthesize(request) as string;
  request.onText?.(answer.slice(0, 60));
  return new Promise((_, reject) => {
    const stop = () => reject(new TailorError("model.aborted", "stopped while streaming"));
    if (request.signal?.aborted) stop();
    request.signal?.addEventListener("abort", stop, { once: true });
  });
};

/** A chat on a live input: stdout as it was after each write, and a way to wait for what it shows. */
async function liveChat(model: FakeModel, options: { interactive?: boolean; onIdleInterrupt?: () => void } = {}) {
  const { engine } = await engineHarness({ model });
  const events: InboundEvent[] = [];
  const recording: TailorEngine = Object.assign(Object.create(engine) as TailorEngine, {
    handle: (event: InboundEvent, turn?: Parameters<TailorEngine["handle"]>[1]) => {
      events.push(event);
      return engine.handle(event, turn);
    },
  });
  let stdout = "";
  const snapshots: string[] = [];
  const waiting: { test: (out: string) => boolean; resolve: () => void }[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      stdout += chunk.toString();
      snapshots.push(stdout);
      for (const w of [...waiting]) {
        if (w.test(stdout)) {
          waiting.splice(waiting.indexOf(w), 1);
          w.resolve();
        }
      }
      callback();
    },
  });
  const input = new PassThrough();
  const done = runTerminalChat({ engine: recording, input, output, runId: "stream", ...options });
  const until = (test: (out: string) => boolean) =>
    test(stdout) ? Promise.resolve() : new Promise<void>((resolve) => waiting.push({ test, resolve }));
  return { input, done, until, events, stdout: () => stdout, snapshots };
}

describe("terminal chat: streaming and stop", () => {
  it("streams the prompt between the marker lines while the model writes it; the block is the final prompt", async () => {
    // The FakeModel streams its answers in pieces of a few characters, as the real backends do.
    const chat = await liveChat(new FakeModel());
    chat.input.end("write a cold email to an investor\n1 2\nshorter please\n");
    await chat.done;
    const out = chat.stdout();
    // Mid-stream, stdout held an open block with part of the prompt and no end line yet.
    const partial = chat.snapshots.find((s) => /--- prompt v1 ---\nRole: You are an expert writer\.\nTa/.test(s));
    expect(partial).toBeDefined();
    expect(partial?.slice(partial.indexOf("--- prompt v1 ---"))).not.toContain("--- end ---");
    // Written once per version, each block exactly the final prompt (the refinement's own words included).
    expect(promptBlocks(out).map((b) => b.version)).toEqual([1, 2]);
    expect(out).not.toContain("revised");
    const [v1, v2] = promptBlocks(out);
    expect(v1?.text).toMatch(/^Role: You are an expert writer\.\nTask: .*\nRequirements:\n- Investors\n- Warm\n/);
    expect(v2?.text).toContain("- Refined: shorter please");
    // Then the checklist as before, after the end line.
    expect(out).toContain("--- end ---\nCapabilities:\n  [pinned] audience: Investors");
  });

  it("a final prompt that differs from what streamed is written again in full after a line saying so", async () => {
    // The model's text streams, then a different text is the answer (as when a call is tried again).
    const model = new FakeModel({
      synthesize: (request) => {
        request.onText?.('{"prompt":"A first draft that the model then rewrote"}');
        return defaultSynthesize(request);
      },
    });
    const chat = await liveChat(model);
    chat.input.end("write a cold email to an investor\nskip\n");
    await chat.done;
    const out = chat.stdout();
    expect(out).toContain(
      "--- prompt v1 ---\nA first draft that the model then rewrote\n--- end ---\n(revised: prompt v1 differs from the text above)\n--- prompt v1 ---\nRole: You are an expert writer.",
    );
    expect(promptBlocks(out).at(-1)?.text).toMatch(
      /^Role: You are an expert writer\.[\s\S]*write a cold email to an investor\n"""$/,
    );
  });

  it("a typed stop while the prompt streams stops the turn at once; the stopped turn offers retry", async () => {
    const model = new FakeModel({ synthesize: stoppableSynthesize });
    const chat = await liveChat(model);
    chat.input.write("write a cold email to an investor\n");
    await chat.until((out) => out.includes("Q1."));
    chat.input.write("skip\n");
    await chat.until((out) => out.includes("--- prompt v1 ---\nRole: You are an expert writer."));
    // The next call answers in full; the call running now goes on until it is stopped.
    model.setResponder("synthesize", defaultSynthesize);
    // A line that is not stop waits for the turn; stop does not.
    chat.input.write("help\nstop\n");
    await chat.until((out) => out.includes("(type retry to try again)"));
    expect(chat.events.map((e) => e.kind)).toEqual(["start", "message", "stop"]);
    // The streamed block is closed and marked, the closed round and the stopped error follow.
    expect(chat.stdout()).toMatch(
      /--- prompt v1 ---\nRole: You are an expert writer\.\n[^\n]*\n--- end ---\n\(prompt v1 was not finished\)\nQ1\. Who will read it\? -> skipped\n[^\n]*\n! Stopped\. Nothing you said is lost[^\n]*\(type retry to try again\)\n$/,
    );
    // The line that waited runs next; then retry writes the prompt again, to its end.
    chat.input.end("retry\n");
    await chat.done;
    expect(chat.events.map((e) => e.kind)).toEqual(["start", "message", "stop", "message", "retry"]);
    const out = chat.stdout();
    expect(out.indexOf("Words: skip")).toBeGreaterThan(out.indexOf("! Stopped."));
    const final = promptBlocks(out);
    expect(final.map((b) => b.version)).toEqual([1, 1]);
    expect(final[1]?.text).toMatch(/^Role: You are an expert writer\.[\s\S]*write a cold email to an investor\n"""$/);
    expect(out.indexOf("--- prompt v1 ---", out.indexOf("Words: skip"))).toBeGreaterThan(0);
  });

  it("in a German conversation the unfinished line and the retry hint of a stopped stream are German", async () => {
    const model = new FakeModel({ synthesize: stoppableSynthesize });
    const chat = await liveChat(model);
    chat.input.write("Schreib eine E-Mail an unsere Kunden über die neue Preisliste\n");
    await chat.until((out) => out.includes("Q1."));
    chat.input.write("skip\n");
    await chat.until((out) => out.includes("--- prompt v1 ---\nRole: You are an expert writer."));
    chat.input.end("stop\n");
    await chat.done;
    expect(chat.stdout()).toMatch(
      /--- prompt v1 ---\nRole: You are an expert writer\.\n[^\n]*\n--- end ---\n\(Prompt v1 wurde nicht fertig\)\n[\s\S]*\(tippe retry, um es noch einmal zu versuchen\)\n$/,
    );
    expect(chat.stdout()).not.toContain("was not finished");
    expect(chat.stdout()).not.toContain("type retry");
  });

  it("Ctrl-C in an interactive terminal stops the running turn; with nothing running it does what it did before", async () => {
    const model = new FakeModel({ synthesize: stoppableSynthesize });
    let interrupts = 0;
    let interrupted: () => void = () => undefined;
    const idle = new Promise<void>((resolve) => {
      interrupted = resolve;
    });
    const chat = await liveChat(model, {
      interactive: true,
      onIdleInterrupt: () => {
        interrupts += 1;
        interrupted();
      },
    });
    chat.input.write("\x03");
    await idle;
    expect(chat.events).toEqual([]);
    chat.input.write("write a cold email to an investor\r");
    await chat.until((out) => out.includes("Q1."));
    chat.input.write("skip\r");
    await chat.until((out) => out.includes("--- prompt v1 ---\nRole:"));
    chat.input.write("\x03");
    await chat.until((out) => out.includes("(type retry to try again)"));
    expect(interrupts).toBe(1);
    expect(chat.events.map((e) => e.kind)).toEqual(["start", "message", "stop"]);
    chat.input.end("\x04");
    await chat.done;
  });

  it("stop with nothing running gets the engine's answer, and never starts a conversation about stop", async () => {
    const model = new FakeModel();
    const chat = await liveChat(model);
    chat.input.end("stop\n");
    await chat.done;
    expect(chat.events.map((e) => e.kind)).toEqual(["stop"]);
    expect(chat.stdout()).toContain("Nothing is running in this conversation right now.");
    expect(model.calls).toHaveLength(0);
  });

  it("what the engine answers a stop while the prompt streams is printed after the prompt's block, never inside it", async () => {
    // A scripted engine: the turn streams two drafts, waits for the stop event, then finishes anyway
    // (it was done before the stop reached it), and the stop is answered with a notice.
    let stopReceived: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => {
      stopReceived = resolve;
    });
    const engine: TailorEngine = {
      claim: async () => ({ claimed: true }),
      defaults: async () => [],
      handle: async (event, turn) => {
        const policy = { visibility: "public", closesRound: false } as const;
        if (event.kind === "stop") {
          stopReceived();
          return [{ kind: "notice", code: "nothing_to_stop", text: "Nothing is running.", ...policy }];
        }
        turn?.onDraft?.({ version: 1, text: "Line one" }, undefined as never);
        turn?.onDraft?.({ version: 1, text: "Line one\nLine" }, undefined as never);
        await stopped;
        await new Promise((resolve) => setImmediate(resolve));
        return [
          {
            kind: "prompt",
            version: 1,
            text: "Line one\nLine two",
            checklist: [],
            assumptions: [],
            repaired: [],
            ...policy,
          },
        ];
      },
    };
    let stdout = "";
    const output = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        stdout += chunk.toString();
        callback();
      },
    });
    const input = new PassThrough();
    const done = runTerminalChat({ engine, input, output, runId: "held" });
    input.write("an intent\n");
    await new Promise((resolve) => setImmediate(resolve));
    input.end("stop\n");
    await done;
    expect(stdout).toBe(
      [
        "PromptTailor: what do you want a prompt for? (one line; type help for help)",
        "--- prompt v1 ---",
        "Line one\nLine two",
        "--- end ---",
        'Type a refinement ("shorter", "for a 5th grader"), or new, forget, help.',
        "Nothing is running.",
        "",
      ].join("\n"),
    );
  });
});
