/**
 * The data of server-sent events, read from a response body as it arrives: each event's `data:`
 * lines joined with newlines; comments, other fields and events without data are skipped. Chunks
 * may split a line (or a CRLF) anywhere.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export async function* sseData(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  const lines = new LineSplitter();
  let data: string[] = [];
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      for (const line of done ? lines.end() : lines.push(value)) {
        if (line === "") {
          if (data.length > 0) yield data.join("\n");
          data = [];
        } else if (!line.startsWith(":")) {
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
          if (field === "data") data.push(value);
        }
      }
      if (done) break;
    }
    finished = true;
  } finally {
    // The reader stopped early ([DONE], a failure): let the connection go.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** Lines ended by CRLF, LF or CR, across chunks (a CR at a chunk's end waits: an LF may follow). */
class LineSplitter {
  private pending = "";

  push(chunk: string): string[] {
    this.pending += chunk;
    const lines: string[] = [];
    for (;;) {
      const match = /\r\n|\n|\r/.exec(this.pending);
      if (!match) break;
      if (match[0] === "\r" && match.index === this.pending.length - 1) break;
      lines.push(this.pending.slice(0, match.index));
      this.pending = this.pending.slice(match.index + match[0].length);
    }
    return lines;
  }

  /**
   * The rest at the end of the body: a last line without its ending, then a blank line (a server that
   * closes without the blank line after its last event still meant that event).
   */
  end(): string[] {
    const rest = this.pending.replace(/\r$/, "");
    this.pending = "";
    return rest === "" ? [""] : [rest, ""];
  }
}
