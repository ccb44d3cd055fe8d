import { describe, expect, it } from "vitest";
import type { TailorEngine } from "../../src/core/engine-api.js";
import { ShutdownGuard } from "../../src/ops/shutdown-guard.js";

/** A turn whose model call ignores the abort (a prompt being evaluated) and ends only when the model closes. */
function stuckTurn() {
  let closeModel: () => void = () => undefined;
  const modelCall = new Promise<void>((_, reject) => {
    closeModel = () => reject(new Error("Object is disposed"));
  });
  const said: string[] = [];
  const engine = {
    claim: async () => ({ claimed: true, replies: [] }),
    defaults: async () => [],
    handle: async () => {
      await modelCall.catch(() => said.push("restarting: press retry"));
      return [];
    },
  } as unknown as TailorEngine;
  return { engine, said, closeModel };
}

describe("shutdown", () => {
  it("a turn stuck in a model call that ignores the abort is ended by closing the model, and tells the user before shutdown goes on", async () => {
    const guard = new ShutdownGuard();
    const { engine, said, closeModel } = stuckTurn();
    const guarded = guard.guardEngine(engine);
    void guarded.handle({} as never, {} as never);
    let forced = false;
    const turns = await guard.drain(20, async () => {
      forced = true;
      closeModel();
    });
    expect(turns).toBe(1);
    expect(forced).toBe(true);
    expect(said).toEqual(["restarting: press retry"]);
  });

  it("turns that end on the abort are not forced", async () => {
    const guard = new ShutdownGuard();
    const guarded = guard.guardEngine({
      handle: async () => [],
    } as unknown as TailorEngine);
    void guarded.handle({} as never, {} as never);
    let forced = false;
    await guard.drain(1_000, async () => {
      forced = true;
    });
    expect(forced).toBe(false);
  });
});
