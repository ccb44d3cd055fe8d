import { describe, expect, it } from "vitest";
import { CAPABILITY_IDS } from "../../src/core/conversation.js";
import { TailorError } from "../../src/core/errors.js";
import { loadLibrary, readLibraryFiles, validateLibraryFiles } from "../../src/core/library/load-library.js";
import { EXEMPLAR_PROMPT_MAX } from "../../src/core/library.js";

/** The domains users plainly ask for, beyond the paper's 41 (issue 11; the evaluation set expects them). */
const ADDED = [
  "tech_troubleshooting",
  "parenting",
  "home_repair",
  "pets",
  "gardening",
  "project_planning",
  "nutrition",
  "quiz",
];

describe("library", () => {
  it("loads the 41 paper domains plus the 8 added ones, at least two exemplars each, and the 12 capabilities", () => {
    const { domains, capabilities } = loadLibrary();
    expect(domains).toHaveLength(49);
    for (const id of ADDED) expect(domains.map((d) => d.id)).toContain(id);
    for (const domain of domains) expect(domain.exemplars.length).toBeGreaterThanOrEqual(2);
    expect(capabilities.map((c) => c.id).sort()).toEqual([...CAPABILITY_IDS].sort());
  });

  it("every exemplar prompt is substantial, bounded and uses placeholders for the user's material", () => {
    for (const domain of loadLibrary().domains) {
      for (const exemplar of domain.exemplars) {
        expect(exemplar.prompt.length, `${domain.id}: ${exemplar.intent}`).toBeGreaterThan(300);
        expect(exemplar.prompt.length, `${domain.id}: ${exemplar.intent}`).toBeLessThanOrEqual(EXEMPLAR_PROMPT_MAX);
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
    const files = readLibraryFiles();
    const broken = {
      path: "src/core/data/domains/broken_one.json",
      json: { ...recipe(files), id: "broken_one", exemplars: [] },
    };
    const caught = failure(() => validateLibraryFiles({ ...files, domains: [...files.domains, broken] }));
    expect(caught).toBeInstanceOf(TailorError);
    expect(caught.code).toBe("config.invalid");
    expect(caught.message).toContain("src/core/data/domains/broken_one.json: exemplars:");
  });

  it("rejects a duplicate domain id and an unknown capability", () => {
    const files = readLibraryFiles();
    const first = files.domains[0]!;
    expect(() => validateLibraryFiles({ ...files, domains: [first, first] })).toThrow(/defined twice/);
    const catalog = structuredClone(files.capabilities.json) as Array<{ id: string }>;
    catalog[0]!.id = "charisma";
    expect(() => validateLibraryFiles({ ...files, capabilities: { ...files.capabilities, json: catalog } })).toThrow(
      /^library: src\/core\/data\/capabilities\.json: 0\.id: /,
    );
  });
});

function recipe(files: ReturnType<typeof readLibraryFiles>): Record<string, unknown> {
  const file = files.domains.find((f) => f.path.endsWith("/recipe.json"));
  return structuredClone(file!.json) as Record<string, unknown>;
}

function failure(run: () => unknown): TailorError {
  try {
    run();
  } catch (error) {
    return error as TailorError;
  }
  throw new Error("expected a failure");
}
