/**
 * The Bolt app in one of Slack's two modes: Socket Mode when an app token is set (no public URL
 * needed), otherwise HTTP at `/slack/events` with signing-secret verification (HMAC over
 * `v0:{ts}:{body}`, 5-minute window, done by Bolt's receiver).
 */
import { App, HTTPReceiver, type Receiver, SocketModeReceiver, type webApi } from "@slack/bolt";
import { TailorError } from "../../core/errors.js";
import type { Logger } from "../../core/ports.js";
import { boltLogger } from "./bolt-logger.js";
import { guardHttpBodies } from "./guard-http-body.js";
import { guardSocketModeClient } from "./guard-socket-mode.js";

export const SLACK_EVENTS_PATH = "/slack/events";
const DEFAULT_API_URL = "https://slack.com/api/";

/**
 * The WebClient retries rate-limited calls for about 30 minutes by default; a reply nobody waits for
 * that long is better dropped (and logged) after a few seconds.
 */
const INTERACTIVE_RETRY = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 3_000, randomize: true };
const API_TIMEOUT_MS = 15_000;

export interface BoltAppOptions {
  botToken: string;
  appToken?: string;
  signingSecret?: string;
  port: number;
  apiUrl?: string;
  logger: Logger;
  /** Bolt's own debug lines (every payload) reach the log: LOG_LEVEL=debug. */
  debug?: boolean;
}

export interface BoltApp {
  readonly app: App;
  readonly mode: "socket" | "http";
  start(): Promise<void>;
  stop(): Promise<void>;
  isConnected(): boolean;
}

export function createBoltApp(options: BoltAppOptions): BoltApp {
  const logger = boltLogger(options.logger, options.debug);
  const clientOptions: webApi.WebClientOptions = {
    // Also redirects Socket Mode's apps.connections.open (its client takes the same options).
    slackApiUrl: withTrailingSlash(options.apiUrl ?? DEFAULT_API_URL),
    retryConfig: INTERACTIVE_RETRY,
    timeout: API_TIMEOUT_MS,
  };
  let connected = false;
  let receiver: Receiver;
  let mode: BoltApp["mode"];
  if (options.appToken) {
    mode = "socket";
    const socket = new SocketModeReceiver({ appToken: options.appToken, logger, installerOptions: { clientOptions } });
    guardSocketModeClient(socket.client, options.logger);
    socket.client.on("connected", () => {
      connected = true;
    });
    for (const state of ["disconnected", "reconnecting"]) {
      socket.client.on(state, () => {
        connected = false;
      });
    }
    receiver = socket;
  } else {
    if (!options.signingSecret)
      throw new TailorError("config.invalid", "SLACK_SIGNING_SECRET is required for HTTP mode without SLACK_APP_TOKEN");
    mode = "http";
    guardHttpBodies();
    receiver = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: SLACK_EVENTS_PATH,
      port: options.port,
      logger,
      processBeforeResponse: false,
    });
  }
  // auth.test runs in start() (deferInitialization), so a bad token fails start, not a later event.
  // No Bolt conversation store: conversation state lives in ours, and Bolt's throws (an Error with its
  // stack) for every unknown conversation, on the path to ack().
  const app = new App({
    token: options.botToken,
    receiver,
    logger,
    clientOptions,
    deferInitialization: true,
    convoStore: false,
  });

  return {
    app,
    mode,
    isConnected: () => connected,
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new TailorError("config.invalid", `Slack rejected SLACK_BOT_TOKEN (${slackErrorCode(error)})`, {
          cause: error,
        });
      }
      try {
        await app.start(options.port);
      } catch (error) {
        const variable = mode === "socket" ? "SLACK_APP_TOKEN" : "SLACK_PORT";
        throw new TailorError(
          "config.invalid",
          `Slack ${mode} mode could not start (${variable}): ${slackErrorCode(error)}`,
          {
            cause: error,
          },
        );
      }
      if (mode === "http") connected = true;
    },
    async stop() {
      connected = false;
      await app.stop();
    },
  };
}

const withTrailingSlash = (url: string): string => (url.endsWith("/") ? url : `${url}/`);

/** Slack's error code (`invalid_auth`…) or the error's class: never a token or payload. */
function slackErrorCode(error: unknown): string {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error === "string") return data.error;
  const code = (error as { code?: unknown } | undefined)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "unknown error";
}
