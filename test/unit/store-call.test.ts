import { describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import { storeCall } from "../../src/store/store-call.js";

const never = () => new Promise<never>(() => {});

describe("store call guard", () => {
  it("answers what the call answers", async () => {
    expect(await storeCall("load", 1_000, undefined, async () => "value")).toBe("value");
  });

  it("turns a call that never answers into store.timeout and aborts the call's own signal", async () => {
    let callSignal: AbortSignal | undefined;
    const call = storeCall("load", 20, undefined, (signal) => {
      callSignal = signal;
      return never();
    });
    await expect(call).rejects.toMatchObject({ code: "store.timeout" });
    expect(callSignal?.aborted).toBe(true);
  });

  it("turns a driver failure into store.unavailable, keeping the cause", async () => {
    const cause = new Error("ECONNREFUSED");
    const error = await storeCall("save", 1_000, undefined, () => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "store.unavailable", cause });
  });

  it("passes a TailorError through unchanged", async () => {
    const original = new TailorError("store.lock_timeout", "busy");
    await expect(storeCall("lock", 1_000, undefined, () => Promise.reject(original))).rejects.toBe(original);
  });

  it("rejects with the caller's abort reason, before or during the call", async () => {
    const before = AbortSignal.abort(new Error("shutting down"));
    await expect(storeCall("load", 1_000, before, never)).rejects.toThrow("shutting down");

    const controller = new AbortController();
    const during = storeCall("load", 5_000, controller.signal, never);
    controller.abort(new Error("user cancelled"));
    await expect(during).rejects.toThrow("user cancelled");
  });
});
