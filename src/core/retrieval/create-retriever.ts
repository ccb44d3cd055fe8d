/**
 * Lexical retrieval over the domain library (works without a model, in any script): one BM25
 * document per exemplar, made of its domain's title, description and keywords (repeated, they are
 * the strongest signal) and the exemplar's intent. A score floor keeps weak matches out: a
 * parenting question gets no resume exemplar rather than a wrong one. It is a hint: the analyse call
 * chooses the domain, and `guide` gives that domain's exemplars and rails to synthesize.
 */

import type { Domain, DomainScore, RetrievedExemplar, Retriever } from "../library.js";
import type { DomainGuide } from "../model-calls/call-inputs.js";
import { generalRails } from "../safety/general-rails.js";
import { Bm25Index } from "./bm25-index.js";
import { SCRIPT_KEYWORDS } from "./script-keywords.js";

/** Below this BM25 score a match is noise (one shared generic word); set on the tuning part of eval/intents.jsonl. */
export const SCORE_FLOOR = 1.5;

const round = (score: number) => Math.round(score * 1000) / 1000;

export function createRetriever(domains: readonly Domain[]): Retriever {
  const entries = domains.flatMap((domain) => domain.exemplars.map((exemplar) => ({ domain, exemplar })));
  const byId = new Map(domains.map((d) => [d.id, d]));
  const index = new Bm25Index(
    entries.map(({ domain, exemplar }) => {
      const keywords = `${domain.title} ${domain.keywords.join(" ")} ${(SCRIPT_KEYWORDS[domain.id] ?? []).join(" ")}`;
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
      .filter((r) => r.score >= SCORE_FLOOR)
      .sort((a, b) => b.score - a.score);
  };

  return {
    exemplars: (intent, k) => ranked(intent).slice(0, k),
    domains(intent, k): DomainScore[] {
      const best = new Map<string, number>();
      for (const r of ranked(intent)) if (!best.has(r.domain)) best.set(r.domain, r.score);
      return [...best].map(([domain, score]) => ({ domain, score })).slice(0, k);
    },
    summaries: () => domains.map((d) => ({ id: d.id, description: d.description })),
    guide(domainId: string, intent: string): DomainGuide {
      const domain = byId.get(domainId);
      const rails = [...(domain?.safety ? [domain.safety] : []), ...generalRails(intent)];
      if (!domain) return { domain: domainId, exemplars: [], rails };
      // The domain's exemplar closest to the intent first; the one with folded answers is a good second.
      const scores = new Map(ranked(intent).map((r) => [r.exemplar, r.score]));
      const exemplars = [...domain.exemplars].sort(
        (a, b) =>
          (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || Number(Boolean(b.answers)) - Number(Boolean(a.answers)),
      );
      return { domain: domainId, exemplars, rails };
    },
  };
}
