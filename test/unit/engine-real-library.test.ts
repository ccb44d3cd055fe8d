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
  it("analyse sees the catalog, every domain and the retrieval hint, the intent last; synthesize the chosen domain's exemplar", async () => {
    const library = loadLibrary();
    const retriever = createRetriever(library.domains);
    const store = await createStore({ url: "memory://", logger: silentLogger });
    const { send, model, load } = await engineHarness({ retriever, capabilities: library.capabilities, store });

    const questions = only(await send({ kind: "start", text: INTENT }), "questions");
    const analyse = model.callsOf("analyse")[0]!;
    // The intent comes last, delimited as data; the shared system turn holds the catalog and every domain.
    expect(analyse.user.trimEnd().endsWith(`<intent>\n${INTENT}\n</intent>`)).toBe(true);
    const top = retriever.domains(INTENT, 2);
    expect(top[0]?.domain).toBe("email");
    expect(analyse.user).toContain(
      `Likely domains (a hint from keyword search): ${top.map((d) => d.domain).join(", ")}`,
    );
    for (const capability of library.capabilities) expect(analyse.system).toContain(`- ${capability.id}: `);
    for (const domain of library.domains) expect(analyse.system).toContain(`- ${domain.id}: ${domain.description}`);

    await send({ kind: "answer", questionId: questions.questions[0]!.id, option: "Investors" });
    await send({ kind: "message", text: "warm, and mention our 40% MoM growth", mayStart: false });
    const prompt = only(await send({ kind: "message", text: "make it shorter", mayStart: false }), "prompt");
    expect(prompt.version).toBe(2);

    const synthesize = model.callsOf("synthesize")[0]!.user;
    expect(pinnedValuesIn(synthesize)).toContain("Investors");
    expect(synthesize).toContain("A: warm, and mention our 40% MoM growth");
    expect(synthesize).toContain(retriever.guide("email", INTENT).exemplars[0]!.prompt);
    // Every call shares one system turn: node-llama-cpp reuses its evaluated tokens across calls.
    expect(new Set(model.calls.map((c) => c.system)).size).toBe(1);
    const record = await load();
    expect(record.domain).toBe("email");
    expect(record.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "integrate", "synthesize", "synthesize"]);
  });
});
