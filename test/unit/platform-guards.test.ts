import { HTTPModuleFunctions } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { packetProblem } from "../../src/platforms/discord/guard-gateway.js";
import { guardHttpBodies } from "../../src/platforms/slack/guard-http-body.js";
import { normalizeAction, normalizeMessage } from "../../src/platforms/slack/normalize-events.js";
import { TurnGate } from "../../src/platforms/turn-gate.js";

describe("turn gate", () => {
  it("admits `limit` turns at once; a release lets the next one in, in arrival order", async () => {
    const gate = new TurnGate(2, 60_000);
    const first = await gate.enter();
    const second = await gate.enter();
    const order: string[] = [];
    const third = gate.enter().then((release) => {
      order.push("third");
      return release;
    });
    const fourth = gate.enter().then((release) => {
      order.push("fourth");
      return release;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual([]);
    expect(gate.waiting).toBe(2);
    first();
    first(); // twice is once
    (await third)();
    second();
    (await fourth)();
    expect(order).toEqual(["third", "fourth"]);
    // Everything released: the gate admits at once again.
    (await gate.enter())();
  });

  it("a turn that holds its place past the hold time (waiting on I/O) lets the next one in", async () => {
    const gate = new TurnGate(1, 20);
    await gate.enter();
    const next = await gate.enter();
    next();
  });
});

describe("Discord gateway guard", () => {
  it("passes sound dispatches and names what is wrong with malformed ones", () => {
    const message = { id: "1", channel_id: "2", author: { id: "3" }, content: "hi", mentions: [] };
    expect(packetProblem({ t: "MESSAGE_CREATE", d: message })).toBeUndefined();
    expect(packetProblem({ t: "MESSAGE_CREATE", d: { ...message, mentions: "x" } })).toBe("mentions is not a list");
    expect(packetProblem({ t: "MESSAGE_CREATE", d: { ...message, author: false } })).toBe("message without an author");
    expect(packetProblem({ t: "MESSAGE_CREATE", d: { ...message, content: null } })).toBe("content is not text");
    expect(packetProblem({ t: "MESSAGE_CREATE", d: null })).toBe("payload is not an object");
    const interaction = { id: "4", token: "t", type: 3, member: { user: { id: "5" } }, data: {} };
    expect(packetProblem({ t: "INTERACTION_CREATE", d: interaction })).toBeUndefined();
    expect(packetProblem({ t: "INTERACTION_CREATE", d: { ...interaction, data: "x" } })).toBe(
      "interaction data is not an object",
    );
    expect(packetProblem({ t: 7, d: {} })).toBe("event name is not a string");
    expect(packetProblem({ t: "TYPING_START", d: {} })).toBeUndefined();
  });
});

describe("Slack guards", () => {
  it("a signed HTTP body that is JSON but not an object is malformed (Bolt answers 400)", () => {
    guardHttpBodies();
    const request = (body: string) =>
      ({ rawBody: Buffer.from(body), headers: { "content-type": "application/json" } }) as never;
    expect(() => HTTPModuleFunctions.parseHTTPRequestBody(request("null"))).toThrow(SyntaxError);
    expect(() => HTTPModuleFunctions.parseHTTPRequestBody(request("[1]"))).toThrow(SyntaxError);
    expect(HTTPModuleFunctions.parseHTTPRequestBody(request('{"type":"event_callback"}'))).toEqual({
      type: "event_callback",
    });
  });

  it("normalizing drops payloads whose ids are not text instead of throwing", () => {
    const context = { teamId: "T1", botUserId: "UBOT" };
    const base = { type: "message", user: "U1", text: "hi", ts: "1.1", channel: "D1", channel_type: "im" };
    expect(normalizeMessage(base, context)).toBeDefined();
    expect(normalizeMessage({ ...base, channel: 5 } as never, context)).toBeUndefined();
    expect(normalizeMessage({ ...base, thread_ts: {} } as never, context)).toBeUndefined();
    expect(normalizeMessage(base, { ...context, teamId: 7 as never })).toBeUndefined();
    const body = { user: { id: "U1" }, team: { id: "T1" }, channel: { id: "C1" }, message: { ts: "2.2" } };
    expect(normalizeAction(body, { action_id: "tailor_skip", block_id: "b", action_ts: "3" })).toBeDefined();
    expect(
      normalizeAction({ ...body, channel: { id: 9 } } as never, {
        action_id: "tailor_skip",
        block_id: "b",
        action_ts: "3",
      }),
    ).toBeUndefined();
    expect(normalizeAction(body, "x" as never)).toBeUndefined();
    expect(
      normalizeAction(body, { action_id: "tailor_answer_0", block_id: 5, value: "a=b", action_ts: "3" } as never),
    ).toBeUndefined();
  });
});
