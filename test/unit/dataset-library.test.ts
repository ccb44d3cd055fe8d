import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyAlignment } from "../../src/core/alignment/verify-alignment.js";
import { parseDataset } from "../../src/dataset/dataset-file.js";
import { loadEngineContext } from "../../src/dataset/engine-calls.js";
import { loadHeldout } from "../../src/dataset/heldout.js";
import { loadLanguageKits } from "../../src/dataset/language-kits.js";
import { libraryDialogue } from "../../src/dataset/library-dialogues.js";
import { dialoguesOf, replayDialogue } from "../../src/dataset/replay.js";
import { candidateSeed, createRng } from "../../src/dataset/rng.js";
import { cellAt, runDataset } from "../../src/dataset/run-dataset.js";

const engine = loadEngineContext();
const kits = loadLanguageKits();
const heldout = loadHeldout("eval/intents.jsonl");
const LANGUAGES = ["en", "de", "es", "fr"];

function build(out: string, size: number, seed = 7) {
  return runDataset({
    out,
    size,
    domains: engine.domains,
    languages: LANGUAGES,
    concurrency: 1,
    heldout,
    idOf: (i) => `library-${seed}-${i}`,
    produce: (i, cell, id) => libraryDialogue(engine, kits, cell, createRng(candidateSeed(seed, i)), id),
  });
}

describe("library mode", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "dataset-library-"));
  const out = path.join(dir, "train.jsonl");

  it("writes 60 dialogues whose every example is the engine's own call with a target it accepts", async () => {
    const summary = await build(out, 60);
    expect(summary.dialogues).toBe(60);
    const lines = parseDataset(readFileSync(out, "utf8"), out);
    expect(lines.length).toBe(summary.examples);
    // Replayed through the engine: same system and user texts, targets valid unchanged, pins kept.
    for (const dialogue of dialoguesOf(lines)) expect(replayDialogue(engine, dialogue)).toBeUndefined();
    for (const line of lines) expect(() => JSON.parse(line.messages[2].content)).not.toThrow();
    expect(new Set(lines.map((l) => l.step))).toEqual(new Set(["analyse", "integrate", "synthesize", "refine"]));
    expect(Object.keys(summary.per_language).sort()).toEqual([...LANGUAGES].sort());
    expect(heldout.size).toBeGreaterThan(0);
    for (const line of lines) {
      expect(heldout.match(line.intent)).toBeUndefined();
      expect(heldout.containedIn(line.messages[1].content)).toBeUndefined();
    }
  });

  it("places every pinned value of the intent in the synthesized prompt (no repair needed)", () => {
    const lines = parseDataset(readFileSync(out, "utf8"), out);
    for (const line of lines.filter((l) => l.step === "analyse")) {
      const analysed = JSON.parse(line.messages[2].content) as { pinned: { capability: string; quote: string }[] };
      const synthesized = lines.find((l) => l.dialogue === line.dialogue && l.step === "synthesize");
      const prompt = (JSON.parse(synthesized?.messages[2].content ?? "{}") as { prompt: string }).prompt;
      const pins = analysed.pinned.map((p) => ({
        id: p.capability as "tone",
        status: "pinned" as const,
        value: p.quote,
      }));
      expect(verifyAlignment(prompt, pins).repaired).toEqual([]);
    }
  });

  it("resumes: a second run with a larger size adds only what is missing", async () => {
    const again = await build(out, 60);
    expect(again.added_dialogues).toBe(0);
    const more = await build(out, 75);
    expect(more.added_dialogues).toBe(15);
    expect(more.dialogues).toBe(75);
    const lines = parseDataset(readFileSync(out, "utf8"), out);
    expect(new Set(lines.map((l) => l.dialogue)).size).toBe(75);
  });

  it("plans cells balanced over domains and languages", () => {
    const cells = Array.from({ length: engine.domains.length * LANGUAGES.length }, (_, i) =>
      cellAt(i, engine.domains, LANGUAGES),
    );
    for (const domain of engine.domains) {
      const languages = cells.filter((c) => c.domain.id === domain.id).map((c) => c.language);
      expect(languages.sort()).toEqual([...LANGUAGES].sort());
    }
  });
});
