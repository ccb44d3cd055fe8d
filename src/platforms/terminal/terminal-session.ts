/**
 * The terminal chat's one conversation: typed lines become engine events, replies are printed, the
 * prompt streams while it is written, and a stop goes to the engine at once, even mid-turn.
 */
import type { ConversationKey } from "../../core/conversation.js";
import { typedWord } from "../../core/engine/engine-texts.js";
import type {
  EngineReply,
  InboundEvent,
  InboundEventBody,
  QuestionView,
  TailorEngine,
  TurnOptions,
} from "../../core/engine-api.js";
import { fill, type MessageLanguage } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";
import { parseTerminalLine } from "./parse-terminal-line.js";
import { renderTerminalProgress, renderTerminalReply } from "./render-terminal-reply.js";
import { TerminalPromptStream } from "./terminal-prompt-stream.js";

export const TERMINAL_KEY: ConversationKey = {
  platform: "terminal",
  workspace: "local",
  channel: "cli",
  thread: "main",
};

export interface TerminalSessionOptions {
  engine: TailorEngine;
  output: NodeJS.WritableStream;
  progress?: NodeJS.WritableStream;
  user?: string;
  signal?: AbortSignal;
  runId?: string;
}

/** A whole line `stop` (as the engine reads a typed stop). */
export const isStopLine = (line: string): boolean => line.trim().toLowerCase().replace(/[.!]$/, "") === "stop";

export type TerminalSession = ReturnType<typeof terminalSession>;

export function terminalSession(options: TerminalSessionOptions) {
  const user = { id: options.user ?? "local-user" };
  const runId = options.runId ?? `${process.pid}-${Date.now().toString(36)}`;
  const raw = (text: string) => options.output.write(text);
  const write = (text: string) => raw(`${text}\n`);
  const stream = new TerminalPromptStream(raw);
  let sequence = 0;
  let started = false;
  let open: QuestionView[] = [];
  /** The open questions' language (the reply that asked them): the invalid-number messages use it. */
  let openLanguage: MessageLanguage | undefined;
  /** The conversation's language as the last reply, progress or draft told it: the session's own lines use it. */
  let language: MessageLanguage | undefined;
  let running = false;
  /** Replies that came while a prompt was streaming: printed after its block, never inside it. */
  let held: EngineReply[] = [];

  const send = (event: InboundEventBody, turn: TurnOptions = {}): Promise<EngineReply[]> => {
    sequence += 1;
    // The operator's own console, not a platform DM: the "DMs off" access rule does not apply.
    return options.engine.handle(
      { ...event, eventId: `terminal:${runId}:${sequence}`, key: TERMINAL_KEY, user, direct: false } as InboundEvent,
      { ...(options.signal ? { signal: options.signal } : {}), ...turn },
    );
  };
  const turn: TurnOptions = {
    onProgress: (p) => {
      language = p.language ?? language;
      options.progress?.write(`${renderTerminalProgress(p)}\n`);
    },
    // The terminal takes every draft: writing a few new characters costs nothing.
    onDraft: (draft) => {
      language = draft.language ?? language;
      stream.draft(draft);
    },
  };

  const show = (replies: readonly EngineReply[]): void => {
    for (const reply of replies) {
      language = reply.language ?? language;
      if (reply.kind === "questions") {
        open = reply.closed ? [] : reply.questions.filter((q) => q.answer === undefined);
        openLanguage = reply.language;
      }
      if (reply.kind === "prompt") open = [];
    }
    // A streamed prompt is finished first (its block is open on stdout), then the other replies.
    let finished: EngineReply | undefined;
    if (stream.streaming) {
      finished = replies.findLast((r) => r.kind === "prompt");
      if (finished?.kind === "prompt") stream.finish(finished);
      else stream.abandon(language);
    }
    for (const reply of replies) if (reply !== finished) write(renderTerminalReply(reply));
  };

  const showHeld = (): void => {
    const replies = held;
    held = [];
    show(replies);
  };

  const handle = async (text: string): Promise<void> => {
    const parsed = parseTerminalLine(text, open, openLanguage);
    if (parsed.kind === "invalid") {
      write(parsed.message);
    } else if (parsed.kind === "answers") {
      // Each number is one control; the round is shown once, as the last answer left it.
      const replies: EngineReply[] = [];
      for (const pick of parsed.picks)
        replies.push(...(await send({ kind: "answer", questionId: pick.questionId, option: pick.option }, turn)));
      const lastQuestions = replies.findLastIndex((r) => r.kind === "questions");
      show(replies.filter((r, i) => r.kind !== "questions" || i === lastQuestions));
    } else if (isStopLine(parsed.text)) {
      // Nothing runs now (a stop typed during a turn never waits here): the engine says so.
      show(await send({ kind: "stop" }));
    } else if (parsed.text.toLowerCase() === "retry") {
      show(await send({ kind: "retry" }, turn));
    } else if (!started && !typedWord(parsed.text)) {
      // The first line is a new intent, whatever an earlier run left in the store (typed words still
      // act on what it left: skip, forget...).
      show(await send({ kind: "start", text: parsed.text }, turn));
    } else {
      show(await send({ kind: "message", text: parsed.text, mayStart: true }, turn));
    }
  };

  return {
    write,
    /** A turn is in progress: a stop now goes to the engine at once. */
    running: () => running,

    async line(raw: string): Promise<void> {
      const text = raw.trim();
      if (text === "") return;
      running = true;
      try {
        await handle(text);
        started = true;
      } finally {
        running = false;
        // A turn that failed outright leaves no block open behind it.
        stream.abandon(language);
        showHeld();
      }
    },

    /** Stops the model call of the turn in progress (the turn then shows the stopped error, with retry). */
    stop(): void {
      // On a screen, stderr shares the line a streaming prompt is on: start a line of its own.
      const labels = controlLabels(language);
      options.progress?.write(`${stream.streaming ? "\n" : ""}(${labels.terminalStopping})\n`);
      send({ kind: "stop" }).then(
        (replies) => {
          if (stream.streaming) held.push(...replies);
          else show(replies);
        },
        (error: unknown) => options.progress?.write(`(${fill(labels.terminalStopFailed, { error: String(error) })})\n`),
      );
    },
  };
}
