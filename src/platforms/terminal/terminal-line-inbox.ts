/**
 * Lines typed while the chat is busy wait here, in order, for the turn in progress to finish (the
 * chat handles one line at a time). The end of input lets the waiting lines through first.
 */
export class TerminalLineInbox {
  private readonly lines: string[] = [];
  private ended = false;
  private waiter: ((line: string | undefined) => void) | undefined;

  push(line: string): void {
    if (this.ended) return;
    const waiter = this.waiter;
    this.waiter = undefined;
    if (waiter) waiter(line);
    else this.lines.push(line);
  }

  /** No more lines: `next` gives what is waiting, then `undefined`. `drop`: forget what is waiting (shutdown). */
  end(drop = false): void {
    this.ended = true;
    if (drop) this.lines.length = 0;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.(undefined);
  }

  /** The next line, once there is one; `undefined` after the end. */
  next(): Promise<string | undefined> {
    const line = this.lines.shift();
    if (line !== undefined || this.ended) return Promise.resolve(line);
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }
}
