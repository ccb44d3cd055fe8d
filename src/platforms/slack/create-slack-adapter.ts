/**
 * The Slack adapter: Bolt events → the engine's plain events, replies → Block Kit in the conversation's
 * thread. Every command and action is acknowledged first (Bolt acks events itself); model work runs
 * after, in the background, so Slack's 3-second deadline always holds. Assistant threads (Slack's AI-app
 * container) go through Bolt's `Assistant`, and are conversations like DMs.
 */
import type { EngineReply, InboundEvent, TailorEngine } from "../../core/engine-api.js";
import { type Library, loadLibrary } from "../../core/library/load-library.js";
import type { Logger } from "../../core/ports.js";
import { AckFirst } from "../ack-first.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import { TURNS_ADMITTED, TurnGate } from "../turn-gate.js";
import { type AssistantSurface, createAssistant } from "./assistant-surface.js";
import { createBoltApp } from "./bolt-app.js";
import { type CommandResponder, parseAdmins, runDefaultsCommand } from "./defaults-command.js";
import {
  commandClaim,
  defaultsCommandText,
  normalizeCommand,
  normalizeMessage,
  type SlackCommandPayload,
  type SlackMessageEvent,
} from "./normalize-events.js";
import { CANNOT_POST_TEXT, renderRoot, USAGE_TEXT } from "./render-reply.js";
import { type RunOptions, TurnRunner } from "./run-turn.js";
import { registerControls } from "./slack-controls.js";
import { TAILOR_COMMAND } from "./slack-ids.js";
import { suggestedPrompts } from "./suggested-prompts.js";
import type { ThreadTarget } from "./thread-poster.js";

export interface SlackAdapterOptions {
  botToken: string;
  /** Socket Mode when set (xapp- token with connections:write). */
  appToken?: string;
  /** HTTP mode (no app token): verifies requests to `/slack/events`. */
  signingSecret?: string;
  /** HTTP mode port. Default 3000. */
  port?: number;
  /** Web API base URL (GovSlack, proxies, tests). Default https://slack.com/api/. */
  apiUrl?: string;
  engine: TailorEngine;
  logger: Logger;
  /** Bolt's own debug lines reach the log (LOG_LEVEL=debug). */
  debug?: boolean;
  /** TAILOR_ADMINS: comma-separated user ids that may change `/tailor defaults` besides workspace admins. */
  admins?: string | readonly string[];
  /** The library the assistant's suggested prompts come from. Default: the product's library. */
  library?: Pick<Library, "domains" | "capabilities">;
  /** At most one streamed draft update per this many ms. Default about one a second. */
  draftIntervalMs?: number;
  /** The process's acknowledgements-first pacing (shared with the store and model it wraps). */
  ackFirst?: AckFirst;
}

/** How long stop() waits for turns in flight (the composition root drains the engine before this). */
const STOP_GRACE_MS = 10_000;

export function createSlackAdapter(options: SlackAdapterOptions): PlatformAdapter {
  const { engine, logger } = options;
  const bolt = createBoltApp({ ...options, port: options.port ?? 3000 });
  const { app } = bolt;
  const inFlight = new Set<Promise<void>>();
  // Aborted on stop: turns in flight end (their failed step is saved, so retry resumes it).
  let stopping = new AbortController();
  const ackFirst = options.ackFirst ?? new AckFirst();
  // Background work calls Slack through this client: each call gives way to arriving requests.
  const client = ackFirst.wrap(app.client);
  const turns = new TurnRunner(client, engine, logger, options.draftIntervalMs);
  const gate = new TurnGate(TURNS_ADMITTED);
  const library = options.library ?? loadLibrary();
  const admins = parseAdmins(options.admins);
  const runTurn = (event: InboundEvent, target: ThreadTarget, options: Omit<RunOptions, "signal"> = {}) =>
    turns.run(event, target, { ...options, signal: stopping.signal });

  /**
   * Runs `work` in the background once the turn gate admits it (acknowledgements go first); `gated`
   * false for work that must not wait behind turns (Stop).
   */
  const spawn = (what: string, work: () => Promise<void>, gated = true): void => {
    const task = (
      gated
        ? ackFirst.background(async () => {
            const release = await gate.enter();
            try {
              await ackFirst.giveWay();
              await work();
            } finally {
              release();
            }
          })
        : work()
    )
      .catch((error: unknown) => logger.error(`${what} failed`, { error }))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  async function startFromCommand(command: SlackCommandPayload, respond: (text: string) => Promise<void>) {
    // Claimed before the root message is posted: a redelivered command, or the same command reaching
    // another replica, posts nothing. A refusal (access rules, store down) is said privately.
    const claim = await engine.claim(commandClaim(command), stopping.signal);
    if (!claim.claimed) {
      for (const reply of claim.replies) await respond(replyText(reply));
      return;
    }
    const root = renderRoot(command.user_id, command.text.trim());
    let rootTs: string | undefined;
    try {
      const posted = await client.chat.postMessage({
        channel: command.channel_id,
        text: root.text,
        blocks: root.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      rootTs = posted.ts;
    } catch (error) {
      logger.warn("could not post the /tailor root message", { channel: command.channel_id, error });
    }
    if (!rootTs) {
      await respond(CANNOT_POST_TEXT);
      return;
    }
    const target = { channel: command.channel_id, threadTs: rootTs, userId: command.user_id };
    await runTurn(normalizeCommand(command, rootTs), target, { claimed: true });
  }

  app.command(TAILOR_COMMAND, async ({ command, ack, respond }) => {
    const ids = [command.channel_id, command.user_id, command.team_id, command.trigger_id];
    if (!ids.every((id) => typeof id === "string" && id.length > 0)) {
      await ack();
      logger.warn("dropped a /tailor payload without channel, user, team or trigger");
      return;
    }
    command.text = typeof command.text === "string" ? command.text : "";
    if (!command.text.trim()) {
      await ack({ response_type: "ephemeral", text: USAGE_TEXT });
      return;
    }
    await ack();
    const reply = async (text: string) => {
      await respond({ response_type: "ephemeral", text }).catch((error: unknown) =>
        logger.warn("could not respond to /tailor", { error }),
      );
    };
    const defaultsText = defaultsCommandText(command.text);
    if (defaultsText !== undefined) {
      // Through the command's response_url: it reaches the user even where the bot is not a member.
      const answer: CommandResponder = async (message, visibility) => {
        const response_type = visibility === "private" ? "ephemeral" : "in_channel";
        await respond({ response_type, text: message.text, blocks: message.blocks }).catch((error: unknown) =>
          logger.warn("could not respond to /tailor defaults", { error }),
        );
      };
      const deps = { client, engine, logger, admins };
      spawn("/tailor defaults", () => runDefaultsCommand(deps, command, defaultsText, answer, stopping.signal));
      return;
    }
    spawn("/tailor", () => startFromCommand(command, reply));
  });

  const onMessage = async ({ event, body, context }: MessageArgs, surface?: AssistantSurface) => {
    const normalized = normalizeMessage(event as unknown as SlackMessageEvent, {
      teamId: body.team_id ?? context.teamId ?? "unknown",
      botUserId: context.botUserId,
    });
    if (!normalized) return;
    const target = { channel: normalized.key.channel, threadTs: normalized.key.thread, userId: normalized.user.id };
    spawn("message", () => runTurn(normalized, target, surface ? { surface } : {}));
  };
  // Before every other middleware: each incoming request counts, whatever listener takes it.
  app.use(async ({ next }) => {
    ackFirst.arrived();
    await next();
  });
  // Registered first: messages in assistant threads (DM threads) are its; the rest go on to the listeners below.
  app.assistant(createAssistant({ prompts: suggestedPrompts(library), logger, onUserMessage: onMessage }));
  app.event("app_mention", (args) => onMessage(args));
  app.event("message", (args) => onMessage(args));

  const labels = new Map(library.capabilities.map((capability) => [capability.id as string, capability.label]));
  registerControls({
    app,
    client,
    engine,
    logger,
    spawn,
    runTurn,
    labelOf: (capability) => labels.get(capability) ?? capability.replaceAll("_", " "),
    signal: () => stopping.signal,
  });

  // Bolt matches action ids with `in` on each action: a payload whose actions are not objects would
  // fail inside Bolt on every listener. Such payloads are acknowledged and dropped here, once.
  app.use(async (args) => {
    const body = args.body as { type?: unknown; actions?: unknown };
    const malformed =
      body.actions !== undefined &&
      (!Array.isArray(body.actions) || !body.actions.every((a) => typeof a === "object" && a !== null));
    if (!malformed) return args.next();
    logger.warn("dropped an interaction payload with malformed actions");
    if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
  });

  app.error(async (error) => {
    // Bolt bundles the failures of several listeners; each one is what there is to fix.
    const originals = (error as { originals?: unknown[] }).originals;
    logger.error("Slack listener failed", { error: originals?.[0] ?? error, listeners: originals?.length ?? 1 });
  });

  return {
    name: "slack",
    isConnected: () => bolt.isConnected(),
    async start() {
      stopping = new AbortController();
      await bolt.start();
      logger.info("Slack adapter connected", { mode: bolt.mode });
    },
    async stop() {
      stopping.abort();
      await bolt.stop().catch((error: unknown) => logger.warn("Slack adapter stop failed", { error }));
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_GRACE_MS);
      });
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      clearTimeout(timer);
    },
  };
}

/** A claim's reply as the one line `respond` can carry (a notice or a user-safe error). */
const replyText = (reply: EngineReply): string =>
  reply.kind === "notice" ? reply.text : reply.kind === "error" ? reply.message : "";

interface MessageArgs {
  event: unknown;
  body: { team_id?: string };
  context: { teamId?: string; botUserId?: string };
}
