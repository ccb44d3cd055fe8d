/**
 * Structured logs on stderr: JSON lines in production, readable lines in a terminal.
 * Secrets are redacted by key name and by value; message bodies belong at debug level only.
 */
import type { LogFields, Logger } from "../core/ports.js";

export type LogLevel = "debug" | "info" | "warn" | "error";
const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /token|secret|password|api_?key|authorization/i;

export interface LoggerOptions {
  level: LogLevel;
  format: "json" | "pretty";
  /** Values that must never be printed (tokens, keys). */
  secrets?: readonly string[];
  write?: (line: string) => void;
}

export function createLogger(options: LoggerOptions, base: LogFields = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4);
  const redact = (text: string): string => secrets.reduce((out, s) => out.split(s).join("[redacted]"), text);

  const log = (level: LogLevel, message: string, fields?: LogFields): void => {
    if (LEVELS[level] < LEVELS[options.level]) return;
    const all = { ...base, ...fields };
    const clean: LogFields = {};
    for (const [key, value] of Object.entries(all)) {
      clean[key] = SECRET_KEY.test(key) ? "[redacted]" : serialize(value);
    }
    const time = new Date().toISOString();
    const line =
      options.format === "json"
        ? JSON.stringify({ time, level, msg: message, ...clean })
        : `${time} ${level.toUpperCase().padEnd(5)} ${message}${Object.keys(clean).length ? ` ${JSON.stringify(clean)}` : ""}`;
    write(redact(line));
  };

  return {
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
    child: (fields) => createLogger(options, { ...base, ...fields }),
  };
}

function serialize(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    return { name: value.name, message: value.message, ...(code === undefined ? {} : { code }) };
  }
  return value;
}

/** A logger that drops everything (tests, CLIs that print their own output). */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
};
