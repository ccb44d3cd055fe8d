/**
 * Okapi BM25 over a fixed set of documents.
 * @see https://en.wikipedia.org/wiki/Okapi_BM25
 */
import { GENERIC_TERMS, tokenize } from "./tokenize.js";

/** A generic query word ("explain", "help") counts this much: it must not pull a Python question to the legal explainer. */
const GENERIC_WEIGHT = 0.3;

const K1 = 1.2;
const B = 0.75;

export class Bm25Index {
  private readonly termFrequencies: Map<string, number>[];
  private readonly lengths: number[];
  private readonly documentFrequency = new Map<string, number>();
  private readonly averageLength: number;

  constructor(documents: readonly string[]) {
    const tokenized = documents.map(tokenize);
    this.lengths = tokenized.map((t) => t.length);
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, tokenized.length);
    this.termFrequencies = tokenized.map((tokens) => {
      const tf = new Map<string, number>();
      for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
      for (const term of tf.keys()) this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      return tf;
    });
  }

  /** BM25 score of every document for the query, in document order. */
  scores(query: string): number[] {
    const terms = [...new Set(tokenize(query))];
    const n = this.termFrequencies.length;
    return this.termFrequencies.map((tf, i) => {
      let score = 0;
      for (const term of terms) {
        const f = tf.get(term);
        if (!f) continue;
        const df = this.documentFrequency.get(term) ?? 0;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (GENERIC_TERMS.has(term) ? GENERIC_WEIGHT : 1);
        const length = this.lengths[i] ?? 0;
        score += (idf * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * length) / this.averageLength));
      }
      return score;
    });
  }
}
