import { describe, expect, it } from "vitest";
import { decodeConversation, deserializeEnvelope, UnreadableValue } from "../../src/store/record-codec.js";

describe("stored record decoding", () => {
  it("reads Keyv envelopes and keeps anything else verbatim as unreadable", async () => {
    expect(await deserializeEnvelope('{"value":{"a":1},"expires":5}')).toEqual({ value: { a: 1 }, expires: 5 });
    const garbage = await deserializeEnvelope("{oops");
    expect(garbage?.value).toEqual(new UnreadableValue("{oops", "not JSON"));
    const foreign = await deserializeEnvelope('"just a string"');
    expect(foreign?.value).toBeInstanceOf(UnreadableValue);
  });

  it("says which fields of a record are wrong", () => {
    const decoded = decodeConversation({ schemaVersion: 1, phase: "dancing" });
    expect(decoded.status).toBe("corrupt");
    expect(decoded.status === "corrupt" && decoded.reason).toMatch(/key|phase|owner/);
  });

  it("treats a record from an unknown schema version as corrupt, not as found", () => {
    expect(decodeConversation({ schemaVersion: 99 }).status).toBe("corrupt");
  });
});
