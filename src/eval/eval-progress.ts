/**
 * Progress of an evaluation on stderr: a redrawn bar in a terminal, one plain line per intent
 * elsewhere (CI logs, `| tee`). stdout is left to the summary.
 */
const WIDTH = 30;

export function evalProgress(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  return {
    update(done: number, id: string, outcome: string): void {
      const ratio = total > 0 ? done / total : 1;
      const filled = Math.round(ratio * WIDTH);
      const seconds = (performance.now() - started) / 1000;
      const eta = done > 0 ? Math.round((seconds / done) * (total - done)) : 0;
      const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total} ${id} ${outcome} (eta ${eta}s)`;
      if (stream.isTTY) stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
      else stream.write(`${line}\n`);
    },
    done(): void {
      if (stream.isTTY) stream.write("\n");
    },
  };
}
