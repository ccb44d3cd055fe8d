/**
 * The library's content rules (issue 11): exemplar prompts written for a small target model, that
 * keep their intent's own facts, fold a question round's answers in verbatim, and domains that can
 * be offered to the analyse call as one "id: description" line each.
 */
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/core/library/load-library.js";
import { DOMAIN_DESCRIPTION_MAX } from "../../src/core/library.js";

const { domains } = loadLibrary();
const exemplars = domains.flatMap((domain) => domain.exemplars.map((exemplar) => ({ domain, exemplar })));
const label = (domainId: string, intent: string) => `${domainId}: ${intent}`;
const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

describe("library content", () => {
  it("every description is one short line, and ids are unique", () => {
    for (const domain of domains) {
      expect(domain.description, domain.id).not.toContain("\n");
      expect(domain.description.length, domain.id).toBeLessThanOrEqual(DOMAIN_DESCRIPTION_MAX);
    }
    expect(new Set(domains.map((d) => d.id)).size).toBe(domains.length);
  });

  it("every prompt has the sections in order, numbered requirements and one closing 'Output only' line", () => {
    for (const { domain, exemplar } of exemplars) {
      const lines = exemplar.prompt.split("\n");
      const at = (section: string) => lines.findIndex((line) => line.startsWith(`${section}:`));
      const order = ["Role", "Task", "Requirements", "Format", "Constraints"].map(at);
      expect(order, label(domain.id, exemplar.intent)).not.toContain(-1);
      expect(
        [...order].sort((a, b) => a - b),
        label(domain.id, exemplar.intent),
      ).toEqual(order);
      expect(exemplar.prompt, label(domain.id, exemplar.intent)).toMatch(/^Requirements:\n1\. .+\n2\. /m);
      expect(lines.at(-1), label(domain.id, exemplar.intent)).toMatch(/^Output only .+/);
      expect(
        lines.filter((line) => line.startsWith("Output only")),
        label(domain.id, exemplar.intent),
      ).toHaveLength(1);
    }
  });

  it("every prompt keeps its intent's numbers and names instead of turning them into placeholders", () => {
    for (const { domain, exemplar } of exemplars) {
      const words = exemplar.intent.split(/\s+/).slice(1);
      const facts = [
        ...(exemplar.intent.match(/\d+/g) ?? []),
        ...words.filter((w) => /^[A-Z]/.test(w) && w !== "I").map((w) => w.replace(/[^\w-]+$/, "")),
      ];
      for (const fact of facts) expect(exemplar.prompt, label(domain.id, exemplar.intent)).toContain(fact);
    }
    const lisbon = exemplars.find(({ exemplar }) => exemplar.intent === "plan a 5 day trip to Lisbon")?.exemplar;
    expect(lisbon?.prompt).toContain("5 day trip to Lisbon");
    expect(lisbon?.prompt).not.toMatch(/\{\{(days|destination)\}\}/);
  });

  it("every domain has an exemplar whose prompt folds a question round's answers in verbatim", () => {
    for (const domain of domains) {
      const folded = domain.exemplars.filter((e) => e.answers?.length);
      expect(folded.length, domain.id).toBeGreaterThanOrEqual(1);
      for (const exemplar of folded) {
        for (const answer of exemplar.answers ?? []) {
          expect(normalize(exemplar.prompt), label(domain.id, answer.answer)).toContain(normalize(answer.answer));
        }
      }
    }
  });

  it("the domains users ask for carry the safety rails they need", () => {
    const safety = (id: string) => domains.find((d) => d.id === id)?.safety ?? "";
    expect(safety("pets")).toMatch(/vet/i);
    expect(safety("nutrition")).toMatch(/not medical advice/i);
    expect(safety("home_repair")).toMatch(/electrical/i);
    expect(safety("home_repair")).toMatch(/gas/i);
    expect(safety("parenting")).toMatch(/child safety/i);
    expect(safety("parenting")).toMatch(/pediatrician|emergency/i);
    for (const id of ["tech_troubleshooting", "parenting", "home_repair", "pets", "gardening", "project_planning"]) {
      expect(domains.find((d) => d.id === id)?.exemplars.length, id).toBeGreaterThanOrEqual(2);
    }
  });
});
