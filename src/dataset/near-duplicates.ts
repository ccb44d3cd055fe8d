/**
 * Near-duplicate detection for intents: character 4-gram shingles of the normalized text compared
 * by Jaccard similarity. An index over many intents finds candidates with MinHash and locality-
 * sensitive hashing (bands of rows), then confirms each with the exact Jaccard.
 */
import { createHash } from "node:crypto";

/** Lowercase, letters and digits only, single spaces: "Write a POEM!!" and "write a poem" match. */
export const normalizeText = (text: string): string =>
  text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

export const textHash = (text: string): string => createHash("sha256").update(normalizeText(text)).digest("hex");

export function shingles(text: string, size = 4): Set<string> {
  const t = normalizeText(text);
  const out = new Set<string>();
  if (t.length <= size) {
    if (t) out.add(t);
    return out;
  }
  for (let i = 0; i + size <= t.length; i += 1) out.add(t.slice(i, i + size));
  return out;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}

const BANDS = 16;
const ROWS = 4;
const HASHES = BANDS * ROWS;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SALTS = Array.from({ length: HASHES }, (_, i) => fnv1a(`salt${i}`) | 1);

function minhash(set: ReadonlySet<string>): Uint32Array {
  const out = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    const base = fnv1a(s);
    for (let i = 0; i < HASHES; i += 1) {
      let h = Math.imul(base ^ (SALTS[i] as number), 0x9e3779b1);
      h ^= h >>> 15;
      const v = h >>> 0;
      if (v < (out[i] as number)) out[i] = v;
    }
  }
  return out;
}

export class NearDuplicateIndex {
  private readonly sets: Set<string>[] = [];
  private readonly ids: string[] = [];
  private readonly buckets = new Map<string, number[]>();

  constructor(private readonly threshold: number) {}

  get size(): number {
    return this.ids.length;
  }

  /** The most similar indexed text at or above the threshold, if any. */
  find(text: string): { id: string; similarity: number } | undefined {
    const set = shingles(text);
    let best: { id: string; similarity: number } | undefined;
    const seen = new Set<number>();
    for (const key of this.bandKeys(minhash(set))) {
      for (const i of this.buckets.get(key) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        const similarity = jaccard(set, this.sets[i] as Set<string>);
        if (similarity >= this.threshold && (!best || similarity > best.similarity))
          best = { id: this.ids[i] as string, similarity };
      }
    }
    return best;
  }

  add(id: string, text: string): void {
    const set = shingles(text);
    const i = this.sets.length;
    this.sets.push(set);
    this.ids.push(id);
    for (const key of this.bandKeys(minhash(set))) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(i);
      else this.buckets.set(key, [i]);
    }
  }

  private bandKeys(signature: Uint32Array): string[] {
    return Array.from({ length: BANDS }, (_, b) => `${b}:${signature.slice(b * ROWS, (b + 1) * ROWS).join(",")}`);
  }
}
