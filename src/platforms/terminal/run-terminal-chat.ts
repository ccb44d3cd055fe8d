/**
 * The terminal chat: one conversation on stdin/stdout, line by line; works with piped stdin (EOF
 * ends it once the lines already read are handled). Same engine and store as the platforms. Progress
 * goes to stderr so stdout stays the conversation. While a turn runs, other lines wait their turn,
 * except `stop` (and Ctrl-C in an interactive terminal), which stops the model call at once.
 */
import { createInterface } from "node:readline";
import type { TailorEngine } from "../../core/engine-api.js";
import { TerminalLineInbox } from "./terminal-line-inbox.js";
import { isStopLine, terminalSession } from "./terminal-session.js";

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
  /**
   * Read keys rather than lines (default: when the input is a terminal): Ctrl-C then reaches the chat
   * as a key instead of a signal to the process, so that it can stop the turn in progress.
   */
  interactive?: boolean;
  /** Ctrl-C while nothing runs (interactive only). Default: SIGINT to this process, as without the chat. */
  onIdleInterrupt?: () => void;
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  if (options.signal?.aborted) return;
  const session = terminalSession(options);
  const interactive = options.interactive ?? isTerminal(options.input);
  const echo = interactive ? echoStream(options) : undefined;
  const lines = createInterface({ input: options.input, terminal: interactive, ...(echo ? { output: echo } : {}) });
  // After the terminal is in raw mode: what is typed once the greeting shows is echoed once, by readline.
  session.write("PromptTailor: what do you want a prompt for? (one line; type help for help)");
  const inbox = new TerminalLineInbox();
  lines.on("line", (line: string) => {
    if (session.running() && isStopLine(line)) session.stop();
    else inbox.push(line);
  });
  lines.on("close", () => inbox.end());
  if (interactive) {
    const idle = options.onIdleInterrupt ?? (() => process.kill(process.pid, "SIGINT"));
    lines.on("SIGINT", () => (session.running() ? session.stop() : idle()));
  }
  // On shutdown, stop waiting for the next line (a turn in flight sees the signal itself).
  const close = () => {
    inbox.end(true);
    lines.close();
  };
  options.signal?.addEventListener("abort", close, { once: true });
  try {
    for (let line = await inbox.next(); line !== undefined; line = await inbox.next()) {
      if (options.signal?.aborted) break;
      await session.line(line);
    }
  } finally {
    options.signal?.removeEventListener("abort", close);
    lines.close();
  }
}

const isTerminal = (stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean =>
  (stream as { isTTY?: boolean }).isTTY === true;

/**
 * Where typed keys are echoed once the terminal no longer does it itself: the screen, through stdout
 * or else stderr, whichever is a terminal (never into a file stdout is redirected to).
 */
function echoStream(options: TerminalChatOptions): NodeJS.WritableStream | undefined {
  if (isTerminal(options.output)) return options.output;
  if (options.progress && isTerminal(options.progress)) return options.progress;
  return undefined;
}
