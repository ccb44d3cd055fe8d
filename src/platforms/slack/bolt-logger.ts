/**
 * Bolt's logger interface on top of ours, so Bolt, its WebClient and its Socket Mode client log
 * through the project's redacting stderr logger.
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../core/ports.js";

/** `debug`: pass Bolt's debug lines on (LOG_LEVEL=debug); otherwise they are dropped before formatting. */
export function boltLogger(logger: Logger, debug = false): BoltLogger {
  let level = debug ? LogLevel.DEBUG : LogLevel.INFO;
  const line = (parts: unknown[]): string =>
    parts
      .map((part) => (part instanceof Error ? part.message : typeof part === "string" ? part : String(part)))
      .join(" ");
  return {
    // Bolt and the SDKs log whole payloads at debug: message bodies belong at debug level only.
    // Bolt logs every payload at debug: formatting it only when debug is on keeps it off the path to ack().
    debug: (...parts: unknown[]) => {
      if (level === LogLevel.DEBUG) logger.debug(line(parts), { source: "bolt" });
    },
    info: (...parts: unknown[]) => logger.info(line(parts), { source: "bolt" }),
    warn: (...parts: unknown[]) => logger.warn(line(parts), { source: "bolt" }),
    error: (...parts: unknown[]) => logger.error(line(parts), { source: "bolt" }),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
