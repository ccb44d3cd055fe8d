import { afterEach, describe, expect, it, vi } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { TYPING_REFRESH_MS } from "../../src/platforms/discord/discord-limits.js";
import { startTyping } from "../../src/platforms/discord/typing-indicator.js";

describe("startTyping", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("types at once, refreshes before Discord's ~10 s run out, and stops when told", () => {
    vi.useFakeTimers();
    let typed = 0;
    const typing = startTyping({ sendTyping: async () => void typed++ }, silentLogger);
    expect(typed).toBe(1);
    expect(TYPING_REFRESH_MS).toBeLessThan(10_000);
    vi.advanceTimersByTime(TYPING_REFRESH_MS * 3);
    expect(typed).toBe(4);
    typing.stop();
    vi.advanceTimersByTime(TYPING_REFRESH_MS * 3);
    expect(typed).toBe(4);
  });

  it("keeps going when one refresh fails", () => {
    vi.useFakeTimers();
    let typed = 0;
    const typing = startTyping(
      {
        sendTyping: async () => {
          typed++;
          throw new Error("429");
        },
      },
      silentLogger,
    );
    vi.advanceTimersByTime(TYPING_REFRESH_MS);
    expect(typed).toBe(2);
    typing.stop();
  });
});
