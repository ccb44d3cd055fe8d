/**
 * Progress on stderr: a redrawn bar in a terminal, one line per 10 % elsewhere (CI logs, `| tee`),
 * so a 12,300-dialogue run does not print 12,300 lines. stdout is left to the summary.
 */
const WIDTH = 30;

export interface Progress {
  update(done: number, rejected: number): void;
  done(): void;
}

export function datasetProgress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let lastDecile = -1;
  return {
    update(done, rejected) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      const seconds = (performance.now() - started) / 1000;
      const eta = done > 0 ? Math.round((seconds / done) * Math.max(0, total - done)) : 0;
      const filled = Math.round(ratio * WIDTH);
      const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} dialogues, ${rejected} rejected (eta ${eta}s)`;
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
        return;
      }
      const decile = Math.floor(ratio * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
