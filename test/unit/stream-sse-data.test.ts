import { describe, expect, it } from "vitest";
import { sseData } from "../../src/model/openai/sse-data.js";

/** A body that arrives in exactly these chunks. */
const body = (chunks: readonly string[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });

const read = async (chunks: readonly string[]) => {
  const events: string[] = [];
  for await (const data of sseData(body(chunks))) events.push(data);
  return events;
};

describe("sseData", () => {
  it("reads events whose lines and line endings are cut anywhere across chunks", async () => {
    const text =
      'data: {"a":1}\r\n\r\ndata: line one\ndata: line two\n\n: keep-alive\n\nevent: x\nid: 7\ndata:[DONE]\n\n';
    const whole = await read([text]);
    expect(whole).toEqual(['{"a":1}', "line one\nline two", "[DONE]"]);
    // Every cut of the same text, including between the CR and the LF of a CRLF, reads the same.
    for (let cut = 1; cut < text.length; cut += 1) {
      expect(await read([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(await read(Array.from(text))).toEqual(whole);
  });

  it("takes CR-only line endings, multi-byte text split inside a character, and a last event without its blank line", async () => {
    const bytes = new TextEncoder().encode("data: café ✓\r\rdata: last");
    const chunks = [bytes.slice(0, 10), bytes.slice(10, 13), bytes.slice(13)];
    const events: string[] = [];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    for await (const data of sseData(stream)) events.push(data);
    expect(events).toEqual(["café ✓", "last"]);
  });

  it("lets the body go when the reader stops early", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("data: one\n\ndata: two\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const data of sseData(stream)) {
      expect(data).toBe("one");
      break;
    }
    expect(cancelled).toBe(true);
  });
});
