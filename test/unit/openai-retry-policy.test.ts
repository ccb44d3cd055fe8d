/**
 * Which server failures are retried, and how long the backend waits first.
 */
import { describe, expect, it } from "vitest";
import { isRetryableNetworkError, isRetryableStatus, retryDelayMs } from "../../src/model/openai/retry-policy.js";

const NOW = Date.parse("2026-11-24T10:00:00Z");
const options = { baseMs: 500, capMs: 5_000, now: NOW };

describe("OpenAI backend retry policy", () => {
  it("retries busy or restarting servers, never a rejected request", () => {
    for (const status of [429, 500, 502, 503, 504]) expect(isRetryableStatus(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 422]) expect(isRetryableStatus(status)).toBe(false);
  });

  it("retries a refused or reset connection, not a name that does not resolve", () => {
    const failed = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: { code } });
    expect(isRetryableNetworkError(failed("ECONNREFUSED"))).toBe(true);
    expect(isRetryableNetworkError(failed("ECONNRESET"))).toBe(true);
    expect(isRetryableNetworkError(failed("ENOTFOUND"))).toBe(false);
    expect(isRetryableNetworkError(new Error("other"))).toBe(false);
  });

  it("backs off exponentially up to the cap", () => {
    expect([0, 1, 2, 10].map((attempt) => retryDelayMs(attempt, null, options))).toEqual([500, 1000, 2000, 5000]);
  });

  it("honours Retry-After in seconds or as a date, within the cap", () => {
    expect(retryDelayMs(0, "2", options)).toBe(2000);
    expect(retryDelayMs(0, "3600", options)).toBe(5000);
    expect(retryDelayMs(0, new Date(NOW + 1500).toUTCString(), options)).toBe(1000);
    expect(retryDelayMs(0, new Date(NOW - 60_000).toUTCString(), options)).toBe(0);
    expect(retryDelayMs(1, "soon", options)).toBe(1000);
  });
});
