/**
 * The Slack adapter: Bolt events → the engine's plain events, replies → Block Kit in the conversation's
 * thread. Every command and action is acknowledged first (Bolt acks events itself); model work runs
 * after, in the background, so Slack's 3-second deadline always holds.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { EngineReply, InboundEvent, TailorEngine } from "../../core/engine-api.js";
import type { Logger } from "../../core/ports.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import { TURNS_ADMITTED, TurnGate } from "../turn-gate.js";
import { createBoltApp } from "./bolt-app.js";
import {
  commandClaim,
  normalizeAction,
  normalizeCommand,
  normalizeMessage,
  type SlackCommandPayload,
  type SlackMessageEvent,
} from "./normalize-events.js";
import { CANNOT_POST_TEXT, renderRoot, USAGE_TEXT } from "./render-reply.js";
import { type ClickedMessage, type RunOptions, TurnRunner } from "./run-turn.js";
import { ANSWER_ACTION_PREFIX, RETRY_ACTION_ID, SKIP_ACTION_ID, TAILOR_COMMAND } from "./slack-ids.js";
import type { Block } from "./slack-message.js";
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
  const turns = new TurnRunner(app.client, engine, logger);
  const gate = new TurnGate(TURNS_ADMITTED);
  const runTurn = (event: InboundEvent, target: ThreadTarget, options: Omit<RunOptions, "signal"> = {}) =>
    turns.run(event, target, { ...options, signal: stopping.signal });

  /** Runs `work` in the background once the turn gate admits it (acknowledgements go first). */
  const spawn = (what: string, work: () => Promise<void>): void => {
    const task = (async () => {
      const release = await gate.enter();
      try {
        await work();
      } finally {
        release();
      }
    })()
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
      const posted = await app.client.chat.postMessage({
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
    spawn("/tailor", () => startFromCommand(command, reply));
  });

  const onMessage = async ({ event, body, context }: MessageArgs) => {
    const normalized = normalizeMessage(event as unknown as SlackMessageEvent, {
      teamId: body.team_id ?? context.teamId ?? "unknown",
      botUserId: context.botUserId,
    });
    if (!normalized) return;
    const target = { channel: normalized.key.channel, threadTs: normalized.key.thread, userId: normalized.user.id };
    spawn("message", () => runTurn(normalized, target));
  };
  app.event("app_mention", onMessage);
  app.event("message", onMessage);

  const onAction = async ({ ack, body, action }: ButtonArgs) => {
    await ack();
    const normalized = normalizeAction(body, action);
    if (!normalized) {
      logger.warn("dropped an action it could not read", { actionId: action.action_id });
      return;
    }
    const clicked: ClickedMessage = {
      ts: normalized.messageTs,
      text: body.message?.text ?? "",
      blocks: (body.message?.blocks ?? []) as Block[],
    };
    const target = { channel: normalized.channel, threadTs: normalized.event.key.thread, userId: body.user.id };
    spawn("action", () => runTurn(normalized.event, target, { clicked }));
  };
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: new RegExp(`^${ANSWER_ACTION_PREFIX}`) },
    onAction,
  );
  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: SKIP_ACTION_ID }, onAction);
  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: RETRY_ACTION_ID }, onAction);

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

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
interface MessageArgs {
  event: unknown;
  body: { team_id?: string };
  context: { teamId?: string; botUserId?: string };
}
