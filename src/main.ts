/**
 * Composition root: read config, build store, model and engine, start the platform adapters (or the
 * terminal chat), serve health and metrics, and stop cleanly on SIGTERM/SIGINT.
 */
import { type Config, loadConfig } from "./config/load-config.js";
import { type AccessRules, withAccessPolicy } from "./core/access/access-policy.js";
import { createTailorEngine } from "./core/engine/create-tailor-engine.js";
import { isTailorError } from "./core/errors.js";
import { type ConversationStore, type Logger, systemClock } from "./core/ports.js";
import { createLogger } from "./log/logger.js";
import { createModel, type ReadyModel } from "./model/create-model.js";
import { countErrors } from "./ops/count-errors.js";
import { startHealthServer } from "./ops/health-server.js";
import { instrumentEngine, instrumentModel, instrumentStore } from "./ops/instrument.js";
import { Gauge } from "./ops/metrics.js";
import { ShutdownGuard } from "./ops/shutdown-guard.js";
import { createTailorMetrics } from "./ops/tailor-metrics.js";
import { AckFirst } from "./platforms/ack-first.js";
import { createDiscordAdapter } from "./platforms/discord/create-discord-adapter.js";
import type { PlatformAdapter } from "./platforms/platform-adapter.js";
import { createSlackAdapter } from "./platforms/slack/create-slack-adapter.js";
import { runTerminalChat } from "./platforms/terminal/run-terminal-chat.js";
import { createStore } from "./store/create-store.js";

const DAY_MS = 86_400_000;
/** Stays under docker-compose's stop grace period (30 s). */
const DRAIN_MS = 10_000;

type Mode = "platforms" | "chat";

function chooseMode(config: Config, argv: string[]): Mode {
  if (argv.includes("--chat")) return "chat";
  if (config.slack || config.discord) return "platforms";
  if (process.stdin.isTTY) return "chat";
  throw new Error(
    "no platform is configured and stdin is not a terminal: set SLACK_BOT_TOKEN (with SLACK_APP_TOKEN or SLACK_SIGNING_SECRET) and/or DISCORD_TOKEN, or run `npm run chat` in a terminal",
  );
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const mode = chooseMode(config, process.argv.slice(2));
  const { env } = config;
  const logger = createLogger({
    level: env.LOG_LEVEL,
    format: env.LOG_FORMAT ?? (process.stderr.isTTY ? "pretty" : "json"),
    secrets: config.secrets,
  });
  const metrics = createTailorMetrics();
  const guard = new ShutdownGuard();
  const closers: Array<() => Promise<unknown>> = [];
  let stopping = false;
  /** Closes the model once (shutdown may force it before the closers run). */
  let closeModel: (() => Promise<void>) | undefined;
  const stop = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.info("shutting down", { reason });
    const inFlight = await guard.drain(DRAIN_MS, () => closeModel?.() ?? Promise.resolve());
    if (inFlight) logger.info("in-flight turns settled", { turns: inFlight });
    for (const close of closers.reverse()) await close().catch((error) => logger.warn("close failed", { error }));
    process.exit(code);
  };
  process.once("SIGTERM", () => void stop("SIGTERM", 0));
  process.once("SIGINT", () => void stop("SIGINT", 0));
  process.on("unhandledRejection", (error) => logger.error("unhandled rejection (dropped)", { error }));

  // Turns' store and model calls give way to arriving platform requests (acknowledgements first).
  const ackFirst = new AckFirst();
  const store: ConversationStore = ackFirst.wrap(
    instrumentStore(
      await createStore({ url: env.STORE_URL, ttlMs: env.TAILOR_RETENTION_DAYS * DAY_MS, logger }),
      metrics,
    ),
  );
  closers.push(() => store.close());

  const adapters: PlatformAdapter[] = [];
  let ready: ReadyModel | undefined;
  const health =
    mode === "platforms" && env.HEALTH_PORT !== 0
      ? await startHealthServer({
          port: env.HEALTH_PORT,
          logger,
          renderMetrics: () => metrics.registry.render(),
          checks: [
            { name: "model", check: (signal) => (ready ? ready.isReady(signal) : Promise.resolve(false)) },
            { name: "store", check: (signal) => store.ping(signal).then(() => true) },
            { name: "platforms", check: async () => adapters.length > 0 && adapters.every((a) => a.isConnected()) },
          ],
        })
      : undefined;
  if (health) closers.push(() => health.close());

  ready = await createModel(env, logger, guard.signal);
  const { queueDepth } = ready;
  metrics.registry.register(new Gauge("tailor_queue_depth", "Model calls waiting for a free sequence.", queueDepth));
  const model = ackFirst.wrap(guard.guardModel(instrumentModel(ready.model, metrics)));
  let modelClosed: Promise<void> | undefined;
  closeModel = () => {
    modelClosed ??= model.close();
    return modelClosed;
  };
  closers.push(closeModel);

  const core = createTailorEngine({
    store,
    model,
    clock: systemClock,
    logger,
    limits: { maxIntentChars: env.TAILOR_MAX_INTENT_CHARS },
    allowOthers: env.TAILOR_ALLOW_OTHERS,
  });
  const rules: AccessRules = {
    allowWorkspaces: env.TAILOR_ALLOW_WORKSPACES,
    blockWorkspaces: env.TAILOR_BLOCK_WORKSPACES,
    allowChannels: env.TAILOR_ALLOW_CHANNELS,
    blockChannels: env.TAILOR_BLOCK_CHANNELS,
    allowUsers: env.TAILOR_ALLOW_USERS,
    blockUsers: env.TAILOR_BLOCK_USERS,
    directMessages: env.TAILOR_DMS,
  };
  const engine = guard.guardEngine(instrumentEngine(withAccessPolicy(core, rules, logger), metrics));

  if (mode === "chat") {
    await runTerminalChat({
      engine,
      input: process.stdin,
      output: process.stdout,
      progress: process.stderr,
      signal: guard.signal,
    });
    await stop("end of input", 0);
    return;
  }

  // Adapters report their failures by logging them: count those lines as platform errors.
  const platformLogger = (platform: "slack" | "discord") =>
    countErrors(logger.child({ platform }), () => metrics.platformErrors.inc({ platform }));
  if (config.slack)
    adapters.push(
      createSlackAdapter({
        ...config.slack,
        admins: env.TAILOR_ADMINS,
        ackFirst,
        engine,
        logger: platformLogger("slack"),
        debug: env.LOG_LEVEL === "debug",
      }),
    );
  if (config.discord)
    adapters.push(
      createDiscordAdapter({
        ...config.discord,
        maxIntentChars: env.TAILOR_MAX_INTENT_CHARS,
        ackFirst,
        engine,
        logger: platformLogger("discord"),
      }),
    );
  for (const adapter of adapters) {
    // Adapters stop before the store and model close (closers run in reverse).
    closers.push(() => adapter.stop());
    await adapter.start();
  }
  logger.info("PromptTailor is running", { platforms: adapters.map((a) => a.name), store: storeKind(env.STORE_URL) });
}

const storeKind = (url: string): string => url.split(":")[0] ?? "unknown";

function fail(error: unknown, logger?: Logger): never {
  const line = isTailorError(error) || error instanceof Error ? error.message : String(error);
  if (logger) logger.error(line);
  process.stderr.write(`prompttailor: ${line}\n`);
  process.exit(1);
}

main().catch((error: unknown) => fail(error));
