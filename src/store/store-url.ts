/**
 * Parses STORE_URL (contract.md): `memory://`, `sqlite://./rel/path.sqlite` (relative to the working
 * directory), `sqlite:///abs/path.sqlite`, `redis://…` / `rediss://…`.
 */
import { isAbsolute, resolve } from "node:path";
import { TailorError } from "../core/errors.js";

export type StoreLocation =
  | { kind: "memory" }
  | { kind: "sqlite"; path: string }
  | { kind: "redis"; url: string; display: string };

export function parseStoreUrl(url: string, cwd: string = process.cwd()): StoreLocation {
  const value = url.trim();
  if (/^memory:(\/\/)?$/i.test(value)) return { kind: "memory" };

  const sqlite = /^sqlite:\/\/(.+)$/i.exec(value);
  if (sqlite) {
    const path = sqlite[1]!;
    return { kind: "sqlite", path: isAbsolute(path) ? path : resolve(cwd, path) };
  }

  if (/^rediss?:\/\//i.test(value)) {
    if (!URL.canParse(value)) throw invalid(`STORE_URL is not a valid Redis URL (${redactUrl(value)})`);
    return { kind: "redis", url: value, display: redactUrl(value) };
  }

  throw invalid(
    `STORE_URL must start with memory://, sqlite:// or redis:// (got ${JSON.stringify(redactUrl(value).slice(0, 40))})`,
  );
}

/** The URL without its password, for logs and errors. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, "$1[redacted]@");
}

function invalid(message: string): TailorError {
  return new TailorError("config.invalid", message, { retryable: false });
}
