/**
 * Download progress on stderr: a redrawn bar in a terminal, a log line every 10 % elsewhere
 * (containers, CI), so logs stay readable. stdout is never touched.
 */
import type { Logger } from "../../core/ports.js";

export interface DownloadProgress {
  /** File name being downloaded. */
  file: string;
  downloadedBytes: number;
  totalBytes: number;
}

export type ProgressReporter = (progress: DownloadProgress) => void;

const GB = 1024 ** 3;
const WIDTH = 30;

export function progressLine(p: DownloadProgress): string {
  const ratio = p.totalBytes > 0 ? Math.min(1, p.downloadedBytes / p.totalBytes) : 0;
  const filled = Math.round(ratio * WIDTH);
  const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
  const sizes = `${(p.downloadedBytes / GB).toFixed(2)}/${(p.totalBytes / GB).toFixed(2)} GB`;
  return `${p.file} [${bar}] ${(ratio * 100).toFixed(0).padStart(3)}% ${sizes}`;
}

/** A reporter for stderr: a bar when stderr is a terminal, otherwise `logger.info` at each 10 %. */
export function stderrProgress(
  logger: Logger,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressReporter & { done(): void } {
  let lastTenth = -1;
  let drawn = false;
  const report = (p: DownloadProgress): void => {
    if (stream.isTTY) {
      stream.write(`\r${progressLine(p)}`);
      drawn = true;
      return;
    }
    const tenth = p.totalBytes > 0 ? Math.floor((p.downloadedBytes / p.totalBytes) * 10) : 0;
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    logger.info("downloading model file", { file: p.file, percent: tenth * 10, totalBytes: p.totalBytes });
  };
  return Object.assign(report, {
    done: () => {
      if (drawn) stream.write("\n");
      drawn = false;
      lastTenth = -1;
    },
  });
}
