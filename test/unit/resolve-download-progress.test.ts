/**
 * Download progress as an operator sees it on stderr: a redrawn bar in a terminal, one log line
 * per 10 % elsewhere (container logs stay readable).
 */
import { describe, expect, it } from "vitest";
import type { LogFields, Logger } from "../../src/core/ports.js";
import { progressLine, stderrProgress } from "../../src/model/resolve/download-progress.js";

const GB = 1024 ** 3;

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, write: (chunk: string) => writes.push(chunk) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

function recordingLogger() {
  const lines: { message: string; fields?: LogFields }[] = [];
  const logger: Logger = {
    debug: () => {},
    info: (message, fields) => lines.push({ message, fields }),
    warn: () => {},
    error: () => {},
    child: () => logger,
  };
  return { logger, lines };
}

describe("download progress", () => {
  it("draws the file, a bar, the percentage and the sizes", () => {
    const line = progressLine({ file: "m.gguf", downloadedBytes: 2.45 * GB, totalBytes: 4.9 * GB });
    expect(line).toBe(`m.gguf [${"#".repeat(15)}${"-".repeat(15)}]  50% 2.45/4.90 GB`);
  });

  it("redraws one line in a terminal and ends it when done", () => {
    const { stream, writes } = fakeStream(true);
    const report = stderrProgress(recordingLogger().logger, stream);
    report({ file: "m.gguf", downloadedBytes: 1, totalBytes: 4 });
    report({ file: "m.gguf", downloadedBytes: 4, totalBytes: 4 });
    report.done();
    expect(writes.slice(0, 2).every((w) => w.startsWith("\rm.gguf ["))).toBe(true);
    expect(writes[1]).toContain("100%");
    expect(writes.at(-1)).toBe("\n");
  });

  it("logs once per 10 % when stderr is not a terminal, and never writes a bar", () => {
    const { stream, writes } = fakeStream(false);
    const { logger, lines } = recordingLogger();
    const report = stderrProgress(logger, stream);
    for (let done = 0; done <= 1000; done += 7) report({ file: "m.gguf", downloadedBytes: done, totalBytes: 1000 });
    report({ file: "m.gguf", downloadedBytes: 1000, totalBytes: 1000 });
    report.done();
    expect(lines.map((l) => l.fields?.percent)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(writes).toEqual([]);
  });
});
