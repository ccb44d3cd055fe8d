/**
 * The Slack adapter: Bolt events → the engine's plain events, replies → Block Kit in the conversation's
 * thread. Every command and action is acknowledged first (Bolt acks events itself); model work runs
 * after, in the background, so Slack's 3-second deadline always holds.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { conversationKeyString } from "../../core/conversation.js";
import type { EngineReply, InboundEvent, TailorEngine } from "../../core/engine-api.js";
import { isTailorError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import { createBoltApp } from "./bolt-app.js";
import { closeQuestionBlocks } from "./close-questions.js";
import {
  commandEventId,
  normalizeAction,
  normalizeCommand,
  normalizeMessage,
  type SlackCommandPayload,
  type SlackMessageEvent,
} from "./normalize-events.js";
import {
  CANNOT_POST_TEXT,
  INTERNAL_ERROR_TEXT,
  isEphemeral,
  renderRoot,
  roundClosedNote,
  USAGE_TEXT,
} from "./render-reply.js";
import {
  ANSWER_ACTION_PREFIX,
  questionIdOfBlock,
  RETRY_ACTION_ID,
  SKIP_ACTION_ID,
  TAILOR_COMMAND,
} from "./slack-ids.js";
import type { Block } from "./slack-message.js";
import { type QuestionsMessage, SlackTurn } from "./slack-turn.js";
import { ThreadPoster, type ThreadTarget } from "./thread-poster.js";

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
}

/** Slash commands may be redelivered; the root message must be posted once. */
const SEEN_COMMANDS_MAX = 1000;
/** How long stop() waits for turns in flight (the composition root drains the engine before this). */
const STOP_GRACE_MS = 10_000;

interface Clicked {
  ts: string;
  text: string;
  blocks: Block[];
}

export function createSlackAdapter(options: SlackAdapterOptions): PlatformAdapter {
  const { engine, logger } = options;
  const bolt = createBoltApp({ ...options, port: options.port ?? 3000 });
  const { app } = bolt;
  const inFlight = new Set<Promise<void>>();
  const seenCommands = new Set<string>();
  /** The latest questions message per conversation, to close it when a typed answer ends the round. */
  const openQuestions = new Map<string, QuestionsMessage>();

  const spawn = (what: string, work: () => Promise<void>): void => {
    const task = work()
      .catch((error: unknown) => logger.error(`${what} failed`, { error }))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };

  const firstTime = (id: string): boolean => {
    if (seenCommands.has(id)) return false;
    seenCommands.add(id);
    if (seenCommands.size > SEEN_COMMANDS_MAX) seenCommands.delete(seenCommands.values().next().value as string);
    return true;
  };

  async function runTurn(event: InboundEvent, target: ThreadTarget, clicked?: Clicked): Promise<void> {
    const poster = new ThreadPoster(app.client, target, logger);
    const turn = new SlackTurn(poster);
    const key = conversationKeyString(event.key);
    const tracked = openQuestions.get(key);
    const clickedQuestions =
      clicked && event.kind === "answer" ? { ...clicked, questionIds: questionIdsOf(clicked.blocks) } : undefined;
    let replies: EngineReply[];
    try {
      replies = await engine.handle(event, { onProgress: turn.onProgress });
    } catch (error) {
      logger.error("engine turn failed", { eventId: event.eventId, error });
      // Internal errors never reach a chat verbatim: only a TailorError's user-safe message does.
      const message = isTailorError(error) ? error.userMessage : INTERNAL_ERROR_TEXT;
      replies = [{ kind: "error", code: "internal", message, retry: false }];
    }
    const delivery = await turn.deliver(replies, clickedQuestions ?? tracked);
    if (delivery.questions) openQuestions.set(key, delivery.questions);
    if (replies.length === 0 || replies.every(isEphemeral)) return;

    // The round is over once a prompt or the next round's questions arrive: old buttons go.
    const roundOver = replies.some((r) => r.kind === "prompt" || (r.kind === "questions" && !delivery.updatedInPlace));
    const how = event.kind === "skip" || (event.kind === "message" && event.text.trim().toLowerCase() === "skip");
    const note = roundClosedNote(how ? "skipped" : "answered");
    if (clicked && !delivery.updatedInPlace) {
      const chosen = event.kind === "answer" ? { questionId: event.questionId, option: event.option } : undefined;
      const over = event.kind !== "answer" || roundOver;
      const closingNote = event.kind === "retry" ? "Retried." : over ? note : undefined;
      const blocks = closeQuestionBlocks(clicked.blocks, { chosen, roundOver: over, note: closingNote });
      await poster.update(clicked.ts, { text: clicked.text, blocks });
    }
    if (roundOver && tracked && tracked.ts !== clicked?.ts && tracked.ts !== delivery.questions?.ts) {
      await poster.update(tracked.ts, {
        text: tracked.text,
        blocks: closeQuestionBlocks(tracked.blocks, { roundOver: true, note }),
      });
    }
    if (roundOver && !delivery.questions) openQuestions.delete(key);
  }

  async function startFromCommand(command: SlackCommandPayload, respond: (text: string) => Promise<void>) {
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
    await runTurn(normalizeCommand(command, rootTs), target);
  }

  app.command(TAILOR_COMMAND, async ({ command, ack, respond }) => {
    if (typeof command.channel_id !== "string" || typeof command.user_id !== "string") {
      await ack();
      logger.warn("dropped a /tailor payload without channel or user");
      return;
    }
    command.text = typeof command.text === "string" ? command.text : "";
    if (!command.text.trim()) {
      await ack({ response_type: "ephemeral", text: USAGE_TEXT });
      return;
    }
    await ack();
    if (!firstTime(commandEventId(command))) return;
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
    const clicked: Clicked = {
      ts: normalized.messageTs,
      text: body.message?.text ?? "",
      blocks: (body.message?.blocks ?? []) as Block[],
    };
    const target = { channel: normalized.channel, threadTs: normalized.event.key.thread, userId: body.user.id };
    spawn("action", () => runTurn(normalized.event, target, clicked));
  };
  app.action<BlockAction<ButtonAction>>(
    { type: "block_actions", action_id: new RegExp(`^${ANSWER_ACTION_PREFIX}`) },
    onAction,
  );
  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: SKIP_ACTION_ID }, onAction);
  app.action<BlockAction<ButtonAction>>({ type: "block_actions", action_id: RETRY_ACTION_ID }, onAction);

  app.error(async (error) => {
    logger.error("Slack listener failed", { error });
  });

  return {
    name: "slack",
    isConnected: () => bolt.isConnected(),
    async start() {
      await bolt.start();
      logger.info("Slack adapter connected", { mode: bolt.mode });
    },
    async stop() {
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

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
interface MessageArgs {
  event: unknown;
  body: { team_id?: string };
  context: { teamId?: string; botUserId?: string };
}

const questionIdsOf = (blocks: readonly Block[]): string[] =>
  blocks.flatMap((block) => {
    const id = block.type === "actions" && block.block_id ? questionIdOfBlock(block.block_id) : undefined;
    return id ? [id] : [];
  });
