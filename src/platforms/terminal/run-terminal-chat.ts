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
  if (options.signal?.aborted) return;
  const session = terminalSession(options);
  session.write("PromptTailor: what do you want a prompt for? (one line; type help for help)");
  const lines = createInterface({ input: options.input, terminal: false });
  // On shutdown, stop waiting for the next line (a turn in flight sees the signal itself).
  const close = () => lines.close();
  options.signal?.addEventListener("abort", close, { once: true });
  try {
    for await (const line of lines) {
      if (options.signal?.aborted) break;
      await session.line(line);
    }
  } finally {
    options.signal?.removeEventListener("abort", close);
    lines.close();
  }
}

/** One conversation's state on this side: the open questions (numbers answer them) and event ids. */
function terminalSession(options: TerminalChatOptions) {
  const user = { id: options.user ?? "local-user" };
  const runId = options.runId ?? `${process.pid}-${Date.now().toString(36)}`;
  const write = (text: string) => options.output.write(`${text}\n`);
  let sequence = 0;
  let started = false;
  let open: QuestionView[] = [];

  const send = (event: InboundEventBody): Promise<EngineReply[]> => {
    sequence += 1;
    // The operator's own console, not a platform DM: the "DMs off" access rule does not apply.
    return options.engine.handle(
      { ...event, eventId: `terminal:${runId}:${sequence}`, key: TERMINAL_KEY, user, direct: false } as InboundEvent,
      {
        ...(options.signal ? { signal: options.signal } : {}),
        onProgress: (p) => options.progress?.write(`${renderTerminalProgress(p)}\n`),
      },
    );
  };
  const show = (replies: readonly EngineReply[]): void => {
    for (const reply of replies) {
      if (reply.kind === "questions") open = reply.closed ? [] : reply.questions.filter((q) => q.answer === undefined);
      if (reply.kind === "prompt") open = [];
      write(renderTerminalReply(reply));
    }
  };

  const line = async (raw: string): Promise<void> => {
    const text = raw.trim();
    if (text === "") return;
    const parsed = parseTerminalLine(text, open);
    if (parsed.kind === "invalid") {
      write(parsed.message);
    } else if (parsed.kind === "answers") {
      // Each number is one control; the round is shown once, as the last answer left it.
      const replies: EngineReply[] = [];
      for (const pick of parsed.picks)
        replies.push(...(await send({ kind: "answer", questionId: pick.questionId, option: pick.option })));
      const lastQuestions = replies.findLastIndex((r) => r.kind === "questions");
      show(replies.filter((r, i) => r.kind !== "questions" || i === lastQuestions));
    } else if (parsed.text.toLowerCase() === "retry") {
      show(await send({ kind: "retry" }));
    } else if (!started && !typedWord(parsed.text)) {
      // The first line is a new intent, whatever an earlier run left in the store (typed words still
      // act on what it left: skip, forget...).
      show(await send({ kind: "start", text: parsed.text }));
    } else {
      show(await send({ kind: "message", text: parsed.text, mayStart: true }));
    }
    started = true;
  };

  return { write, line };
}
