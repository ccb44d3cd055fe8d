/**
 * A fair queue: first come first served within a key; across keys, the key served least recently
 * goes first, so one user's flood cannot starve another. Reports every waiter's position (1-based)
 * whenever it changes.
 */
interface Waiter<T> {
  key: string;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
  onPosition?: (position: number) => void;
  lastPosition: number;
}

export class FairQueue<T> {
  /** Lanes in arrival order of their first waiter (Map keeps insertion order). */
  private readonly lanes = new Map<string, Waiter<T>[]>();
  private readonly lastServed = new Map<string, number>();
  private turns = 0;

  get size(): number {
    let total = 0;
    for (const lane of this.lanes.values()) total += lane.length;
    return total;
  }

  /** Records a key served without waiting (a free slot), so it counts as that key's turn. */
  noteServed(key: string): void {
    this.turns += 1;
    this.lastServed.set(key, this.turns);
  }

  /** Waits for a value handed over by `serve`. The signal removes the waiter. */
  wait(key: string, onPosition?: (position: number) => void, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { key, resolve, reject, onPosition, lastPosition: 0 };
      const lane = this.lanes.get(key);
      if (lane) lane.push(waiter);
      else this.lanes.set(key, [waiter]);
      signal?.addEventListener(
        "abort",
        () => {
          if (this.remove(waiter)) reject(signal.reason);
        },
        { once: true },
      );
      this.announce();
    });
  }

  /** Hands `value` to the next waiter; false when nobody waits. */
  serve(value: T): boolean {
    const key = this.nextKey(this.lastServed);
    if (key === undefined) return false;
    const lane = this.lanes.get(key) ?? [];
    const waiter = lane.shift();
    if (lane.length === 0) this.lanes.delete(key);
    this.noteServed(key);
    if (!waiter) return this.serve(value);
    waiter.onPosition?.(0);
    waiter.resolve(value);
    this.announce();
    return true;
  }

  /** Fails every waiter (shutdown). */
  rejectAll(error: unknown): void {
    const waiters = [...this.lanes.values()].flat();
    this.lanes.clear();
    for (const waiter of waiters) waiter.reject(error);
  }

  private nextKey(lastServed: ReadonlyMap<string, number>, skip?: ReadonlyMap<string, number>): string | undefined {
    let best: string | undefined;
    let bestTurn = Number.POSITIVE_INFINITY;
    for (const [key, lane] of this.lanes) {
      if (lane.length <= (skip?.get(key) ?? 0)) continue;
      const turn = lastServed.get(key) ?? 0;
      if (turn < bestTurn) {
        best = key;
        bestTurn = turn;
      }
    }
    return best;
  }

  /** Service order if nothing else arrives. */
  private order(): Waiter<T>[] {
    const lastServed = new Map(this.lastServed);
    const taken = new Map<string, number>();
    const out: Waiter<T>[] = [];
    let turn = this.turns;
    for (let key = this.nextKey(lastServed, taken); key !== undefined; key = this.nextKey(lastServed, taken)) {
      const index = taken.get(key) ?? 0;
      const waiter = this.lanes.get(key)?.[index];
      if (waiter) out.push(waiter);
      taken.set(key, index + 1);
      lastServed.set(key, ++turn);
    }
    return out;
  }

  private announce(): void {
    this.order().forEach((waiter, index) => {
      if (waiter.lastPosition !== index + 1) {
        waiter.lastPosition = index + 1;
        waiter.onPosition?.(index + 1);
      }
    });
  }

  private remove(waiter: Waiter<T>): boolean {
    const lane = this.lanes.get(waiter.key);
    const index = lane?.indexOf(waiter) ?? -1;
    if (!lane || index < 0) return false;
    lane.splice(index, 1);
    if (lane.length === 0) this.lanes.delete(waiter.key);
    this.announce();
    return true;
  }
}
