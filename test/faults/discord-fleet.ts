/**
 * Real bot processes (`node --import tsx src/main.ts`) on Discord against the stand-in's gateway, each
 * its own gateway session, with the instant model server; and a user-side driver for conversations
 * opened by a mention in a guild channel and carried on in their thread: what the Discord fault
 * scenarios break things under.
 */
import { createServer } from "node:net";
import { type BotProcess, startBot } from "../fixtures/bot-process.js";
import { controlsOf, promptMessages } from "../fixtures/discord-standin/standin-views.js";
import type { DiscordStandin, StandinMessage } from "../fixtures/discord-standin/start-discord-standin.js";
import { modelServerEnv } from "../fixtures/model-server.js";
import type { OpenAiStandin } from "../fixtures/openai-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

export function discordBotEnv(standin: DiscordStandin, model: OpenAiStandin, storeUrl: string): Record<string, string> {
  return {
    DISCORD_TOKEN: standin.token,
    DISCORD_API_URL: standin.apiUrl,
    // Plain thread messages count (the owner answers without mentioning the bot).
    DISCORD_MESSAGE_CONTENT: "true",
    STORE_URL: storeUrl,
    ...modelServerEnv(model),
    LOG_LEVEL: "warn",
  };
}

/** A free 127.0.0.1 port (for a replica's /readyz). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no free port");
  return address.port;
}

interface Replica {
  bot: BotProcess;
  /** Its gateway session on the stand-in (see `DiscordStandin.sessions()`). */
  session: number;
}

export class DiscordFleet {
  readonly replicas: Replica[] = [];
  readonly stderrOfDead: string[] = [];

  constructor(
    readonly standin: DiscordStandin,
    private readonly env: Record<string, string>,
  ) {}

  async start(count: number): Promise<void> {
    // One at a time: each new gateway session is the new replica's.
    for (let i = 0; i < count; i++) this.replicas.push(await this.launch());
  }

  /** The gateway session of replica `index`. */
  session(index: number): number {
    const replica = this.replicas[index];
    if (!replica) throw new Error(`no replica ${index}`);
    return replica.session;
  }

  /** SIGKILL (no goodbye, no drain) of replica `index`, then a fresh one in its place. */
  async killAndRestart(index: number): Promise<void> {
    const replica = this.replicas[index];
    if (!replica) return;
    await replica.bot.stop("SIGKILL");
    this.stderrOfDead.push(replica.bot.stderr());
    this.replicas[index] = await this.launch();
  }

  alive(): boolean {
    return this.replicas.every(({ bot }) => bot.child.exitCode === null && bot.child.signalCode === null);
  }

  stderr(): string {
    return [...this.stderrOfDead, ...this.replicas.map(({ bot }) => bot.stderr())].join("\n");
  }

  async stop(): Promise<void> {
    await Promise.all(this.replicas.map(({ bot }) => bot.stop()));
  }

  /** Starts a replica and waits until its gateway session is open and its /readyz answers 200. */
  private async launch(): Promise<Replica> {
    const before = new Set(this.standin.sessions());
    const port = await freePort();
    const bot = startBot({ ...this.env, HEALTH_PORT: String(port) });
    const failed = (error: unknown) => {
      throw new Error(`${String(error)}; stderr: ${bot.stderr().slice(-2000)}`);
    };
    const session = await waitFor(() => this.standin.sessions().find((id) => !before.has(id)), {
      timeoutMs: 180_000,
      what: "the replica's gateway session",
    }).catch(failed);
    let ready = false;
    await waitFor(
      () => {
        void fetch(`http://127.0.0.1:${port}/readyz`).then(
          (response) => {
            ready = response.status === 200;
          },
          () => undefined,
        );
        return ready;
      },
      { timeoutMs: 120_000, intervalMs: 200, what: "the replica's /readyz" },
    ).catch(failed);
    return { bot, session };
  }
}

// ---- reading a thread ------------------------------------------------------------------------------

const ANSWER = /^tailor:answer:(?!all$)/;
const EPHEMERAL = 64;
export const answerControls = (m: StandinMessage) => controlsOf(m).filter((c) => ANSWER.test(c.customId));
/** A round of questions (open or closed): the message carries answer controls. */
export const isQuestions = (m: StandinMessage) => answerControls(m).length > 0;
export const isOpenQuestions = (m: StandinMessage) => answerControls(m).some((c) => !c.disabled);
/** The working indicator (step, queue position or draft, with its Stop button). */
export const isWorking = (m: StandinMessage) => controlsOf(m).some((c) => c.customId === "tailor:stop");
export const isRetryable = (m: StandinMessage) =>
  controlsOf(m).some((c) => c.customId === "tailor:retry" && !c.disabled);
/** The first (or only) message of prompt v1. */
export const isPromptStart = (m: StandinMessage) => /^\*\*Prompt v1\*\*(?! · part [2-9])/.test(m.content);

/** One owner's conversation in a guild channel, driven from the outside as a person would. */
export type Mode = "typed" | "button" | "skip";

export class ThreadConversation {
  /** The mention that opened the conversation (its thread takes the message's id). */
  mention: StandinMessage | undefined;
  /** Every mention sent (a second one when the first left nothing behind). */
  readonly mentions: StandinMessage[] = [];
  /** Everything the owner did, in order: messages and interactions, to replay later. */
  readonly said: StandinMessage[] = [];
  readonly clicks: ReturnType<DiscordStandin["clickButton"]>[] = [];
  /** What the driver had to do beyond the happy path. */
  resent = 0;
  retried = 0;
  answerSent = false;
  /** The option label clicked (modes "button" and "skip"). */
  clicked: string | undefined;
  private acted = new Set<string>();
  private retriedEmptyThread = false;
  private optionClicks = 0;

  constructor(
    private readonly standin: DiscordStandin,
    readonly intent: string,
    readonly answer: string,
    readonly mode: Mode,
  ) {}

  get thread(): string {
    return this.mention?.id ?? "";
  }

  /** The bot's messages in the thread, private ones (ephemeral, seen by the owner only) included. */
  allBotMessages(): StandinMessage[] {
    if (!this.thread) return [];
    return this.standin.world.messagesIn(this.thread).filter((m) => m.author.id === this.standin.world.bot.id);
  }

  /** The bot's public messages in the thread. */
  botMessages(): StandinMessage[] {
    return this.allBotMessages().filter((m) => (m.flags & EPHEMERAL) === 0);
  }

  /** The complete prompt v1 (its last part carries the checklist embed). */
  prompt(): StandinMessage[] | undefined {
    const found = this.thread ? promptMessages(this.standin, this.thread, 1) : [];
    return found.length > 0 && found.at(-1)?.embeds.length ? found : undefined;
  }

  promptText(): string {
    return (this.prompt() ?? []).map((m) => m.content).join("\n");
  }

  /** What the owner said (typed or clicked) is in the prompt. */
  promptCarries(): boolean {
    const text = this.promptText();
    if (text === "") return false;
    return (
      (!this.answerSent || text.includes(this.answer)) && (this.clicked === undefined || text.includes(this.clicked))
    );
  }

  start(): void {
    const message = this.standin.postMessage({
      channelId: this.standin.world.textChannelId,
      content: this.intent,
      mentionBot: true,
    });
    this.mention = message;
    this.mentions.push(message);
    this.retriedEmptyThread = false;
  }

  say(text: string): void {
    this.said.push(this.standin.postMessage({ channelId: this.thread, content: text }));
  }

  click(message: StandinMessage, customId: string): void {
    this.clicks.push(this.standin.clickButton({ messageId: message.id, customId }));
  }

  signature(): string {
    return this.allBotMessages()
      .map((m) => `${m.id}:${m.content}:${JSON.stringify(m.components)}`)
      .join("|");
  }

  /**
   * The mention, then the mode's steps (a typed answer; an option clicked then a typed answer; an
   * option clicked then skip), until prompt v1. A stalled turn (its replica died) is retried, or the
   * step done again, as a person would. Resolves with the prompt's messages.
   */
  async run(options: { stallMs: number; deadlineMs: number }): Promise<StandinMessage[]> {
    this.start();
    const giveUpAt = Date.now() + options.deadlineMs;
    for (;;) {
      const before = this.signature();
      const changed = await waitFor(() => this.signature() !== before, {
        timeoutMs: options.stallMs,
        what: "a reply",
      }).catch(() => false);
      const prompt = this.prompt();
      if (prompt) return prompt;
      if (Date.now() > giveUpAt)
        throw new Error(`conversation ${this.thread} (${this.mode}) did not finish: ${this.describe()}`);
      const messages = this.botMessages();
      if (changed) {
        // Wait for the turn to settle before acting on what shows.
        if (messages.some(isWorking)) continue;
        this.next(messages, false);
        continue;
      }
      this.onStall(messages.filter((m) => !isWorking(m)));
    }
  }

  /** The mode's next step from what the thread shows; `again` does a step already done once more. */
  private next(messages: StandinMessage[], again: boolean): boolean {
    const last = messages.at(-1);
    if (last && isRetryable(last)) {
      this.retried += 1;
      this.click(last, "tailor:retry");
      return true;
    }
    const questions = messages.filter(isOpenQuestions).at(-1);
    if (!questions) return false;
    const controls = answerControls(questions);
    // An option clicked twice without the message changing was recorded (its update was lost).
    const answeredOne = controls.some((c) => c.disabled) || this.optionClicks >= 2;
    const step = this.mode === "typed" || answeredOne ? (this.mode === "skip" ? "skip" : "answer") : "click";
    if (this.acted.has(step) && !again) return false;
    if (this.acted.has(step)) this.resent += 1;
    this.acted.add(step);
    if (step === "answer") {
      this.answerSent = true;
      this.say(this.answer);
    } else if (step === "skip") this.click(questions, "tailor:skip");
    else {
      const option = controls.find((c) => !c.disabled);
      if (!option) return false;
      this.optionClicks += 1;
      if (option.options) {
        // A select: its first option.
        const first = option.options[0];
        if (!first) return false;
        this.clicked = first.label;
        this.clicks.push(
          this.standin.selectOption({ messageId: questions.id, customId: option.customId, values: [first.value] }),
        );
      } else {
        this.clicked = option.label;
        this.click(questions, option.customId);
      }
    }
    return true;
  }

  /** Nothing happened: the replica that had the turn died. */
  private onStall(shown: StandinMessage[]): void {
    const thread = this.standin.world.channels.get(this.thread);
    if (!thread) {
      // The mention was claimed and its replica died before the thread opened: mention again.
      this.resent += 1;
      this.start();
      return;
    }
    if (shown.length === 0) {
      if (!this.retriedEmptyThread) {
        // The intent may be recorded (its step cut off): "retry" re-runs it.
        this.retriedEmptyThread = true;
        this.retried += 1;
        this.say("retry");
        return;
      }
      // Nothing recorded for it: start over with a new mention (a new thread).
      this.resent += 1;
      this.start();
      return;
    }
    if (this.next(shown, true)) return;
    this.retried += 1;
    this.say("retry");
  }

  describe(): string {
    return JSON.stringify(
      this.botMessages().map(
        (m) =>
          `${m.content.slice(0, 60)} [${controlsOf(m)
            .map((c) => `${c.customId}${c.disabled ? "(x)" : ""}`)
            .join(",")}]`,
      ),
    );
  }
}
