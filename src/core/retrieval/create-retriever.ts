/**
 * Lexical retrieval over the domain library (works without a model): one BM25 document per
 * exemplar, made of its domain's title, description and keywords (repeated, they are the strongest
 * signal) and the exemplar's intent.
 */
import type { Domain, DomainScore, RetrievedExemplar, Retriever } from "../library.js";
import { Bm25Index } from "./bm25-index.js";

const round = (score: number) => Math.round(score * 1000) / 1000;

export function createRetriever(domains: readonly Domain[]): Retriever {
  const entries = domains.flatMap((domain) => domain.exemplars.map((exemplar) => ({ domain, exemplar })));
  const index = new Bm25Index(
    entries.map(({ domain, exemplar }) => {
      const keywords = `${domain.title} ${domain.keywords.join(" ")}`;
      // The title names the thing being written ("email", "recipe"): the strongest single signal.
      return `${domain.title} ${keywords} ${keywords} ${domain.description} ${exemplar.intent}`;
    }),
  );

  const ranked = (intent: string): RetrievedExemplar[] => {
    const scores = index.scores(intent);
    return entries
      .map(({ domain, exemplar }, i) => ({
        domain: domain.id,
        exemplar,
        score: round(scores[i] ?? 0),
        ...(domain.safety ? { safety: domain.safety } : {}),
      }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score);
  };

  return {
    exemplars: (intent, k) => ranked(intent).slice(0, k),
    domains(intent, k): DomainScore[] {
      const best = new Map<string, number>();
      for (const r of ranked(intent)) if (!best.has(r.domain)) best.set(r.domain, r.score);
      return [...best].map(([domain, score]) => ({ domain, score })).slice(0, k);
    },
  };
}
