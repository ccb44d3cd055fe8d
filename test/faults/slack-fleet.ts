/**
 * Real bot processes (`node --import tsx src/main.ts`) on Slack Socket Mode against the stand-in,
 * with the instant model server, and a user-side driver for DM conversations: what the fault suite
 * breaks things under.
 */
import { randomUUID } from "node:crypto";
import { type BotProcess, startBot } from "../fixtures/bot-process.js";
import { modelServerEnv } from "../fixtures/model-server.js";
import type { OpenAiStandin } from "../fixtures/openai-standin.js";
import { blockAction, eventCallback, findButton, messageEvent } from "../fixtures/slack-standin/slack-payloads.js";
import {
  APP_TOKEN,
  BOT_TOKEN,
  type SlackStandin,
  type StoredMessage,
} from "../fixtures/slack-standin/slack-standin.js";
import { waitFor } from "../fixtures/slack-standin/wait-for.js";

export const isPrompt = (m: StoredMessage) => m.blocks.some((b) => b.block_id === "tailor_prompt");
export const hasAction = (m: StoredMessage, id: RegExp) => JSON.stringify(m.blocks).match(id) !== null;
export const isOpenQuestions = (m: StoredMessage) => hasAction(m, /"action_id":"tailor_answer/);
export const isRetryable = (m: StoredMessage) => hasAction(m, /"action_id":"tailor_retry"/);
export const versionOf = (m: StoredMessage) => Number(/Tailored prompt v(\d+)/.exec(m.text)?.[1] ?? 0);

export function botEnv(standin: SlackStandin, model: OpenAiStandin, storeUrl: string): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: standin.apiUrl,
    STORE_URL: storeUrl,
    ...modelServerEnv(model),
    LOG_LEVEL: "warn",
  };
}

export class Fleet {
  readonly bots: BotProcess[] = [];
  readonly stderrOfDead: string[] = [];

  constructor(
    readonly standin: SlackStandin,
    private readonly env: Record<string, string>,
  ) {}

  async start(count: number): Promise<void> {
    const before = this.standin.connections;
    for (let i = 0; i < count; i++) this.bots.push(startBot(this.env));
    await waitFor(() => this.standin.connections >= before + count, {
      timeoutMs: 180_000,
      what: "replicas connected",
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; stderr: ${this.stderr().slice(-2000)}`);
    });
  }

  /** SIGKILL (no goodbye, no drain) of replica `index`, then a fresh one in its place. */
  async killAndRestart(index: number): Promise<void> {
    const bot = this.bots[index];
    if (!bot) return;
    const before = this.standin.connections;
    await bot.stop("SIGKILL");
    this.stderrOfDead.push(bot.stderr());
    this.bots[index] = startBot(this.env);
    await waitFor(() => this.standin.connections > before, { timeoutMs: 180_000, what: "restarted replica connected" });
  }

  alive(): boolean {
    return this.bots.every((bot) => bot.child.exitCode === null && bot.child.signalCode === null);
  }

  stderr(): string {
    return [...this.stderrOfDead, ...this.bots.map((bot) => bot.stderr())].join("\n");
  }

  async stop(): Promise<void> {
    await Promise.all(this.bots.map((bot) => bot.stop()));
  }
}

/** One user's DM conversation, driven from the outside as a person would. */
export class DmConversation {
  readonly channel = `D${randomUUID().slice(0, 10).toUpperCase()}`;
  readonly user = `U${randomUUID().slice(0, 8).toUpperCase()}`;
  root = "";
  /** What the driver had to do beyond the happy path. */
  resent = 0;
  retried = 0;
  /** The typed answer was sent (a re-sent intent may have answered the questions first). */
  answerSent = false;

  constructor(
    private readonly standin: SlackStandin,
    readonly intent: string,
    readonly answer: string,
  ) {}

  botMessages(): StoredMessage[] {
    return this.standin.thread(this.channel, this.root).filter((m) => m.bot_id);
  }

  /** A message from the user: the root (the intent) or a reply in its thread; to every replica. */
  say(text: string, asRoot = false): void {
    const ts = this.standin.nextTs();
    if (asRoot) this.root = ts;
    const event = messageEvent(this.standin, {
      text,
      channel: this.channel,
      channelType: "im",
      user: this.user,
      ts,
      ...(asRoot ? {} : { threadTs: this.root }),
    });
    this.standin.sendEnvelope("events_api", eventCallback(event, `Ev${randomUUID()}`), {}, "all");
  }

  click(message: StoredMessage, actionId: string | RegExp): boolean {
    const target = findButton(message, actionId);
    if (!target) return false;
    this.standin.sendEnvelope("interactive", blockAction(this.standin, message, target, this.user), {}, "all");
    return true;
  }

  signature(): string {
    return this.botMessages()
      .map((m) => `${m.ts}:${m.text.length}:${JSON.stringify(m.blocks).length}`)
      .join("|");
  }

  /**
   * Intent, typed answer, prompt v1; a stalled turn (its replica died) is retried, or the intent sent
   * again where nothing was recorded, as a person would. Resolves with the prompt message.
   */
  async run(options: { stallMs: number; deadlineMs: number }): Promise<StoredMessage> {
    this.say(this.intent, true);
    let answered = false;
    const giveUpAt = Date.now() + options.deadlineMs;
    for (;;) {
      const before = this.signature();
      const changed = await waitFor(() => this.signature() !== before && this.signature(), {
        timeoutMs: options.stallMs,
        what: "a reply",
      }).catch(() => undefined);
      const messages = this.botMessages();
      const prompt = messages.find((m) => isPrompt(m) && versionOf(m) === 1);
      if (prompt) return prompt;
      if (Date.now() > giveUpAt) throw new Error(`conversation ${this.channel} did not finish: ${before}`);
      if (changed) {
        // Wait for the turn to settle before acting on what shows.
        if (messages.some((m) => /Working on it|Waiting for the model/.test(m.text))) continue;
        const last = messages.at(-1);
        if (last && isOpenQuestions(last) && !answered) {
          answered = true;
          this.answerSent = true;
          this.say(this.answer);
        } else if (last && isRetryable(last)) {
          this.retried += 1;
          this.click(last, "tailor_retry");
        }
        continue;
      }
      // Nothing happened: the replica that had the turn died. Do what a person would: say it again
      // where nothing shows for it, press retry where a step was cut off.
      const shown = messages.filter((m) => !/Working on it|Waiting for the model/.test(m.text));
      const last = shown.at(-1);
      if (!last) {
        if (process.env.FAULT_DEBUG) console.log(`[debug] ${this.channel}: intent again`);
        this.resent += 1;
        this.say(this.intent);
      } else if (isOpenQuestions(last)) {
        this.resent += 1;
        answered = true;
        this.answerSent = true;
        this.say(this.answer);
      } else if (isRetryable(last)) {
        this.retried += 1;
        this.click(last, "tailor_retry");
      } else {
        this.retried += 1;
        this.say("retry");
      }
    }
  }
}

/** Runs `tasks` with at most `limit` at a time. */
export async function pool<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      try {
        results[index] = { status: "fulfilled", value: await tasks[index]!() };
      } catch (reason) {
        results[index] = { status: "rejected", reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

/** Resolves once something answers HTTP at `url` (any status). */
export async function listening(url: string, timeoutMs = 120_000): Promise<void> {
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const up = await fetch(url, { method: "POST" }).then(
      () => true,
      () => false,
    );
    if (up) return;
    if (Date.now() > giveUpAt) throw new Error(`nothing listens at ${url}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
