/**
 * A broken library file stops the start with one line naming the file and the field
 * (validated in memory from modified copies of the real files).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TailorError } from "../../src/core/errors.js";
import { type LibraryFile, readLibraryFiles, validateLibraryFiles } from "../../src/core/library/load-library.js";

const files = readLibraryFiles();
const RECIPE = "src/core/data/domains/recipe.json";

/** The parts of a domain file these tests change. */
interface DomainJson {
  id: unknown;
  description: unknown;
  exemplars: Array<Record<string, unknown>>;
}

function withRecipe(edit: (recipe: DomainJson) => void) {
  const domains = files.domains.map((file): LibraryFile => {
    if (file.path !== RECIPE) return file;
    const json = structuredClone(file.json) as DomainJson;
    edit(json);
    return { path: file.path, json };
  });
  return { ...files, domains };
}

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TailorError);
    expect((error as TailorError).code).toBe("config.invalid");
    return (error as TailorError).message;
  }
  throw new Error("expected the library to be rejected");
}

describe("library validation", () => {
  it("reads the data files with paths relative to the project root, whatever the cwd", () => {
    expect(files.capabilities.path).toBe("src/core/data/capabilities.json");
    expect(files.domains.map((f) => f.path)).toContain(RECIPE);
  });

  it("a prompt of the wrong type names the file and the field path", () => {
    const message = messageOf(() =>
      validateLibraryFiles(
        withRecipe((recipe) => {
          recipe.exemplars[1]!.prompt = 42;
        }),
      ),
    );
    expect(message).toMatch(/^library: src\/core\/data\/domains\/recipe\.json: exemplars\.1\.prompt: .+/);
    expect(message).not.toContain("\n");
  });

  it("a prompt over the bound, a two-line description and an answer the prompt does not carry are refused", () => {
    const tooLong = messageOf(() =>
      validateLibraryFiles(
        withRecipe((recipe) => {
          recipe.exemplars[0]!.prompt = "x".repeat(1300);
        }),
      ),
    );
    expect(tooLong).toContain(`${RECIPE}: exemplars.0.prompt: `);

    const description = messageOf(() =>
      validateLibraryFiles(
        withRecipe((recipe) => {
          recipe.description = "Recipes.\nAnd more.";
        }),
      ),
    );
    expect(description).toContain(`${RECIPE}: description: must be one line`);

    const answer = messageOf(() =>
      validateLibraryFiles(
        withRecipe((recipe) => {
          recipe.exemplars[0]!.answers = [{ capability: "tone", question: "Tone?", answer: "like a pirate" }];
        }),
      ),
    );
    expect(answer).toContain(`${RECIPE}: exemplars.0.answers.0.answer: the prompt must carry this answer verbatim`);
  });

  it("a domain id that differs from its file name is refused", () => {
    const message = messageOf(() =>
      validateLibraryFiles(
        withRecipe((recipe) => {
          recipe.id = "recipes";
        }),
      ),
    );
    expect(message).toBe(`library: ${RECIPE}: id: "recipes" must match the file name`);
  });

  it("a catalog missing a capability is refused", () => {
    const catalog = (files.capabilities.json as Array<{ id: string }>).filter((c) => c.id !== "tone");
    const message = messageOf(() =>
      validateLibraryFiles({ ...files, capabilities: { ...files.capabilities, json: catalog } }),
    );
    expect(message).toBe("library: src/core/data/capabilities.json: missing capabilities: tone");
  });

  it("a file that is not JSON stops the read with its path", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "library-"));
    fs.mkdirSync(path.join(dir, "domains"));
    fs.writeFileSync(path.join(dir, "capabilities.json"), "[]");
    fs.writeFileSync(path.join(dir, "domains", "broken.json"), "{ not json");
    try {
      const message = messageOf(() => readLibraryFiles(dir));
      expect(message).toMatch(/^library: .*domains\/broken\.json: not valid JSON: /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
