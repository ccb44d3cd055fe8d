/**
 * The Discord adapter: a discord.js 14 client (REST at `apiUrl`, gateway URL from GET /gateway/bot)
 * that turns messages and interactions into engine events and renders the replies.
 */
import {
  Client,
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  type Interaction,
  type Message,
  Options,
  Partials,
  Status,
} from "discord.js";
import type { TailorEngine } from "../../core/engine-api.js";
import { TailorError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import { AckFirst } from "../ack-first.js";
import type { PlatformAdapter } from "../platform-adapter.js";
import type { DiscordContext } from "./discord-context.js";
import { guardGateway } from "./guard-gateway.js";
import { handleCommand } from "./handle-command.js";
import { handleComponent } from "./handle-component.js";
import { handleMessage } from "./handle-message.js";
import { handleModal } from "./handle-modal.js";
import { NO_MENTIONS } from "./outbound-message.js";

export interface DiscordAdapterOptions {
  token: string;
  /** REST base URL (REST proxies, tests); the gateway URL comes from GET /gateway/bot there. */
  apiUrl?: string;
  /** Informational: the bot learns its application id at login. */
  applicationId?: string;
  /** Used by `commands:register` only; accepted so the whole Discord config can be passed. */
  guildId?: string;
  /** The privileged message-content intent is enabled: plain thread messages count without a mention. */
  messageContent?: boolean;
  /** Same limit as the engine's (TAILOR_MAX_INTENT_CHARS): longer intents open no thread. */
  maxIntentChars?: number;
  engine: TailorEngine;
  logger: Logger;
  /** Longest wait for the gateway to be ready at start. */
  readyTimeoutMs?: number;
  /** The process's acknowledgements-first pacing (shared with the store and model it wraps). */
  ackFirst?: AckFirst;
}

const DEFAULT_API_URL = "https://discord.com/api";
const DEFAULT_MAX_INTENT_CHARS = 4000;
const DEFAULT_READY_TIMEOUT_MS = 60_000;
/** How long `stop` lets aborted turns finish their last sends. */
const STOP_GRACE_MS = 3_000;

export function createDiscordAdapter(options: DiscordAdapterOptions): PlatformAdapter {
  const logger = options.logger;
  const apiUrl = options.apiUrl ?? DEFAULT_API_URL;
  let client: Client | undefined;
  let aborter = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const ackFirst = options.ackFirst ?? new AckFirst();

  /** Every handler runs detached; a failure is logged and dropped, the process stays up. */
  const track = (what: string, work: () => Promise<void>) => {
    const running: Promise<void> = work()
      .catch((error: unknown) => logger.error(`discord ${what} failed`, { error }))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  const contextOf = (ready: Client<true>): DiscordContext => ({
    client: ready,
    engine: options.engine,
    logger,
    signal: aborter.signal,
    ackFirst,
    messageContent: options.messageContent ?? false,
    maxIntentChars: options.maxIntentChars ?? DEFAULT_MAX_INTENT_CHARS,
  });

  const onMessage = (message: Message) => {
    if (!message.client.isReady()) return;
    track("message", () => handleMessage(contextOf(message.client), message));
  };

  const onInteraction = (interaction: Interaction) => {
    // Interactions are acknowledged within 3 s; turns in this process give way while they arrive.
    ackFirst.arrived();
    if (!interaction.client.isReady()) return;
    const context = contextOf(interaction.client);
    if (interaction.isChatInputCommand()) track("command", () => handleCommand(context, interaction));
    else if (interaction.isButton() || interaction.isStringSelectMenu())
      track("component", () => handleComponent(context, interaction));
    else if (interaction.isModalSubmit()) track("modal", () => handleModal(context, interaction));
  };

  return {
    name: "discord",

    async start() {
      aborter = new AbortController();
      const created = new Client({
        intents: [
          GatewayIntentBits.Guilds,
          GatewayIntentBits.GuildMessages,
          GatewayIntentBits.DirectMessages,
          ...(options.messageContent ? [GatewayIntentBits.MessageContent] : []),
        ],
        // Without the channel partial, messageCreate never fires for DMs.
        partials: [Partials.Channel],
        // The adapter reads messages from events and edits them by id: a large message cache would only
        // hold memory (fuzzed 200 KB messages grew it by tens of MiB).
        makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 10 }),
        rest: { api: apiUrl },
        allowedMentions: NO_MENTIONS,
      });
      client = created;
      guardGateway(created, logger);
      created.on(Events.Error, (error) => logger.error("discord client error", { error }));
      created.on(Events.Warn, (message) => logger.warn("discord warning", { message }));
      created.on(Events.ShardDisconnect, (event) => logger.warn("discord gateway closed", { code: event.code }));
      created.on(Events.MessageCreate, onMessage);
      created.on(Events.InteractionCreate, onInteraction);

      try {
        await waitUntilReady(created, options.token, options.readyTimeoutMs ?? DEFAULT_READY_TIMEOUT_MS);
      } catch (error) {
        client = undefined;
        await created.destroy().catch(() => undefined);
        throw loginFailure(error, apiUrl);
      }
      logger.info("discord connected", {
        user: created.user?.tag,
        applicationId: created.application?.id ?? options.applicationId,
        messageContent: options.messageContent ?? false,
      });
    },

    async stop() {
      aborter.abort();
      const grace = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      await Promise.race([Promise.allSettled([...inFlight]), grace]);
      await client?.destroy();
      client = undefined;
    },

    isConnected() {
      return client?.isReady() === true && client.ws.status === Status.Ready;
    },
  };
}

/** Logs in and waits for READY (guilds included); a gateway that closes for good fails at once. */
function waitUntilReady(client: Client, token: string, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`no READY from the gateway within ${timeoutMs} ms`)), timeoutMs);
    const onReady = () => done(resolve);
    const onDisconnect = (event: { code: number }) => fail(new GatewayClosed(event.code));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      client.off(Events.ClientReady, onReady);
      client.off(Events.ShardDisconnect, onDisconnect);
      settle();
    };
    const fail = (error: unknown) => done(() => reject(error));
    client.once(Events.ClientReady, onReady);
    client.on(Events.ShardDisconnect, onDisconnect);
    // No retry loop: a rejected token fails here once (repeated 401s get an IP banned).
    client.login(token).catch(fail);
  });
}

class GatewayClosed extends Error {
  constructor(readonly code: number) {
    super(`the gateway closed with code ${code}`);
  }
}

function loginFailure(error: unknown, apiUrl: string): TailorError {
  const tokenRejected =
    (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) ||
    (error instanceof DiscordAPIError && error.status === 401) ||
    (error instanceof GatewayClosed && error.code === GatewayCloseCodes.AuthenticationFailed);
  if (tokenRejected)
    return new TailorError(
      "config.invalid",
      "Discord rejected DISCORD_TOKEN: check the bot token in the developer portal",
      {
        cause: error,
        retryable: false,
      },
    );
  if (error instanceof GatewayClosed && error.code === GatewayCloseCodes.DisallowedIntents)
    return new TailorError(
      "config.invalid",
      "Discord refused the message-content intent: enable it under Bot → Privileged Gateway Intents, or set DISCORD_MESSAGE_CONTENT=false",
      { cause: error, retryable: false },
    );
  const reason = error instanceof Error ? error.message : String(error);
  return new TailorError("internal", `could not connect to Discord at ${apiUrl}: ${reason}`, { cause: error });
}
