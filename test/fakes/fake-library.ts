/**
 * A small library for engine unit tests: two domains, a few capabilities, and a keyword retriever.
 */
import type { CapabilityDefinition, Domain, RetrievedExemplar, Retriever } from "../../src/core/library.js";

export const fakeCapabilities: CapabilityDefinition[] = [
  {
    id: "audience",
    label: "Audience",
    description: "Who reads the answer.",
    whyItMatters: "Vocabulary and depth depend on the reader.",
    question: "Who is it for?",
    options: ["Experts", "Beginners"],
  },
  {
    id: "tone",
    label: "Tone",
    description: "How it sounds.",
    whyItMatters: "The wrong tone undermines good content.",
    question: "Which tone?",
    options: ["Formal", "Friendly"],
  },
];

export const fakeDomains: Domain[] = [
  {
    id: "email",
    title: "Email",
    description: "Professional emails",
    keywords: ["email", "mail", "investor", "cold"],
    exemplars: [
      {
        intent: "EXEMPLAR-INTENT write a cold email to an investor",
        capabilities: [
          { id: "audience", options: ["Angel investor", "VC partner"] },
          { id: "tone", options: ["Formal", "Warm"] },
        ],
        prompt: "EXEMPLAR-PROMPT You are a founder writing to {{investor_name}}.",
      },
      {
        intent: "follow up email after a meeting",
        capabilities: [
          { id: "goal", options: ["Book a call", "Share a deck"] },
          { id: "length", options: ["Short", "Detailed"] },
        ],
        prompt: "You write concise follow-up emails.",
      },
    ],
  },
  {
    id: "recipe",
    title: "Recipes",
    description: "Cooking",
    keywords: ["recipe", "cook", "dinner"],
    exemplars: [
      {
        intent: "a vegan dinner recipe",
        capabilities: [
          { id: "audience", options: ["Beginner cook", "Chef"] },
          { id: "length", options: ["Quick", "Elaborate"] },
        ],
        prompt: "You are a chef.",
      },
      {
        intent: "cook pasta for kids",
        capabilities: [
          { id: "audience", options: ["Kids", "Parents"] },
          { id: "tone", options: ["Playful", "Plain"] },
        ],
        prompt: "You are a family cook.",
      },
    ],
  },
];

export const fakeRetriever: Retriever = {
  exemplars(intent: string, k: number): RetrievedExemplar[] {
    const words = intent.toLowerCase().split(/\W+/);
    return fakeDomains
      .flatMap((domain) =>
        domain.exemplars.map((exemplar) => ({
          domain: domain.id,
          exemplar,
          score: domain.keywords.filter((kw) => words.includes(kw)).length,
        })),
      )
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  },
  domains(intent: string, k: number) {
    return this.exemplars(intent, 10)
      .map((e) => ({ domain: e.domain, score: e.score }))
      .filter((d, i, all) => all.findIndex((x) => x.domain === d.domain) === i)
      .slice(0, k);
  },
  summaries: () => fakeDomains.map((d) => ({ id: d.id, description: d.description })),
  guide(domainId: string) {
    const domain = fakeDomains.find((d) => d.id === domainId);
    return { domain: domainId, exemplars: domain?.exemplars ?? [], rails: domain?.safety ? [domain.safety] : [] };
  },
};
