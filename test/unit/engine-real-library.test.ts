/**
 * The engine on the product's own parts: the real library (loadLibrary), lexical retrieval over it
 * (createRetriever) and the real memory store; only the model is fake.
 */
import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/core/library/load-library.js";
import { createRetriever } from "../../src/core/retrieval/create-retriever.js";
import { silentLogger } from "../../src/log/logger.js";
import { createStore } from "../../src/store/create-store.js";
import { engineHarness, only } from "../fakes/engine-harness.js";
import { pinnedValuesIn } from "../fakes/fake-model.js";

const INTENT = "write a cold email to an investor about our seed round";

describe("engine with the real library, retrieval and memory store", () => {
  it("analyse sees the retrieved exemplars and the whole catalog; the conversation ends in a prompt", async () => {
    const library = loadLibrary();
    const retriever = createRetriever(library.domains);
    const store = await createStore({ url: "memory://", logger: silentLogger });
    const { send, model, load } = await engineHarness({ retriever, capabilities: library.capabilities, store });

    const questions = only(await send({ kind: "start", text: INTENT }), "questions");
    const analyse = model.callsOf("analyse")[0]!.user;
    expect(analyse).toContain(INTENT);
    const top = retriever.exemplars(INTENT, 3);
    expect(top[0]?.domain).toBe("email");
    for (const hit of top) {
      expect(analyse).toContain(hit.exemplar.intent);
      expect(analyse).toContain(hit.exemplar.prompt);
    }
    for (const capability of library.capabilities) expect(analyse).toContain(`- ${capability.id}: `);

    await send({ kind: "answer", questionId: questions.questions[0]!.id, option: "Investors" });
    await send({ kind: "message", text: "warm, and mention our 40% MoM growth", mayStart: false });
    const prompt = only(await send({ kind: "message", text: "make it shorter", mayStart: false }), "prompt");
    expect(prompt.version).toBe(2);

    const synthesize = model.callsOf("synthesize")[0]!.user;
    expect(pinnedValuesIn(synthesize)).toContain("Investors");
    expect(synthesize).toContain("A: warm, and mention our 40% MoM growth");
    expect(synthesize).toContain(top[0]!.exemplar.prompt);
    const record = await load();
    expect(record.domain).toBe("email");
    expect(record.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "integrate", "synthesize", "synthesize"]);
  });
});
