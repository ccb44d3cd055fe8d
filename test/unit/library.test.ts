import { describe, expect, it } from "vitest";
import { CAPABILITY_IDS } from "../../src/core/conversation.js";
import { capabilityCatalog } from "../../src/core/data/capabilities.js";
import { allDomains } from "../../src/core/data/domains/index.js";
import { TailorError } from "../../src/core/errors.js";
import { loadLibrary, validateLibrary } from "../../src/core/library/load-library.js";

describe("library", () => {
  it("loads 41 domains with at least two exemplars each, and the 12 capabilities", () => {
    const { domains, capabilities } = loadLibrary();
    expect(domains).toHaveLength(41);
    for (const domain of domains) expect(domain.exemplars.length).toBeGreaterThanOrEqual(2);
    expect(capabilities.map((c) => c.id).sort()).toEqual([...CAPABILITY_IDS].sort());
  });

  it("every exemplar prompt is substantial and uses placeholders for the user's material", () => {
    for (const domain of loadLibrary().domains) {
      for (const exemplar of domain.exemplars) {
        expect(exemplar.prompt.length, `${domain.id}: ${exemplar.intent}`).toBeGreaterThan(300);
        expect(exemplar.prompt, `${domain.id}: ${exemplar.intent}`).toMatch(/\{\{\w+\}\}/);
      }
    }
  });

  it("legal and medical domains carry safety rails", () => {
    const byId = new Map(loadLibrary().domains.map((d) => [d.id, d]));
    expect(byId.get("legal_explainer")?.safety).toMatch(/not legal advice/i);
    expect(byId.get("medical_explainer")?.safety).toMatch(/not medical advice/i);
  });

  it("rejects a broken domain with a message naming it", () => {
    const broken = { ...allDomains[0]!, id: "broken_one", exemplars: [] };
    let caught: unknown;
    try {
      validateLibrary({ capabilities: capabilityCatalog, domains: [...allDomains, broken] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TailorError);
    expect((caught as TailorError).code).toBe("config.invalid");
    expect((caught as TailorError).message).toContain('domain "broken_one"');
  });

  it("rejects a duplicate domain id and an unknown capability", () => {
    expect(() =>
      validateLibrary({ capabilities: capabilityCatalog, domains: [allDomains[0]!, allDomains[0]!] }),
    ).toThrow(/defined twice/);
    const badCapability = { ...capabilityCatalog[0]!, id: "charisma" };
    expect(() => validateLibrary({ capabilities: [badCapability], domains: [] })).toThrow(/capability #1/);
  });
});
