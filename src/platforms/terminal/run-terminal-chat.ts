/**
 * The terminal chat: one conversation on stdin/stdout, line by line; works with piped stdin (EOF
 * ends it). Same engine and store as the platforms. Progress goes to stderr so stdout stays the
 * conversation.
 */
import { createInterface } from "node:readline";
import type { ConversationKey } from "../../core/conversation.js";
import { typedWord } from "../../core/engine/engine-texts.js";
import type { EngineReply, InboundEvent, InboundEventBody, QuestionView, TailorEngine } from "../../core/engine-api.js";
import { parseTerminalLine } from "./parse-terminal-line.js";
import { renderTerminalProgress, renderTerminalReply } from "./render-terminal-reply.js";

export const TERMINAL_KEY: ConversationKey = {
  platform: "terminal",
  workspace: "local",
  channel: "cli",
  thread: "main",
};

export interface TerminalChatOptions {
  engine: TailorEngine;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** Progress lines (default: nowhere). */
  progress?: NodeJS.WritableStream;
  user?: string;
  signal?: AbortSignal;
  /** Event id prefix, unique per run so a restarted chat is not taken for a duplicate. */
  runId?: string;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { engine, output } = options;
  const user = { id: options.user ?? "local-user" };
  const runId = options.runId ?? `${process.pid}-${Date.now().toString(36)}`;
  const write = (text: string) => output.write(`${text}\n`);
  let sequence = 0;
  let open: QuestionView[] = [];

  const send = async (event: InboundEventBody): Promise<EngineReply[]> => {
    sequence += 1;
    return engine.handle(
      { ...event, eventId: `terminal:${runId}:${sequence}`, key: TERMINAL_KEY, user } as InboundEvent,
      {
        signal: options.signal,
        onProgress: (p) => options.progress?.write(`${renderTerminalProgress(p)}\n`),
      },
    );
  };
  const show = (replies: readonly EngineReply[]): void => {
    for (const reply of replies) {
      if (reply.kind === "questions") open = reply.questions.filter((q) => q.answer === undefined);
      if (reply.kind === "prompt") open = [];
      write(renderTerminalReply(reply));
    }
  };

  write("PromptTailor: what do you want a prompt for? (one line; type help for help)");
  let started = false;
  const lines = createInterface({ input: options.input, terminal: false });
  for await (const raw of lines) {
    if (options.signal?.aborted) break;
    const line = raw.trim();
    if (line === "") continue;
    const parsed = parseTerminalLine(line, open);
    const word = parsed.kind === "text" ? parsed.text.toLowerCase() : "";
    if (parsed.kind === "invalid") {
      write(parsed.message);
    } else if (parsed.kind === "answers") {
      // Each number is one control; the round is shown once, as the last answer left it.
      const replies: EngineReply[] = [];
      for (const pick of parsed.picks)
        replies.push(...(await send({ kind: "answer", questionId: pick.questionId, option: pick.option })));
      const lastQuestions = replies.findLastIndex((r) => r.kind === "questions");
      show(replies.filter((r, i) => r.kind !== "questions" || i === lastQuestions));
    } else if (word === "retry") {
      show(await send({ kind: "retry" }));
    } else if (!started && !typedWord(word)) {
      // The first line is a new intent, whatever an earlier run left in the store (typed words still
      // act on what it left: skip, forget...).
      show(await send({ kind: "start", text: parsed.text }));
    } else {
      show(await send({ kind: "message", text: parsed.text, mayStart: true }));
    }
    started = true;
  }
}
