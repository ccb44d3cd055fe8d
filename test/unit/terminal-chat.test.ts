import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import type { EngineReply } from "../../src/core/engine-api.js";
import { TailorError } from "../../src/core/errors.js";
import type { ConversationStore } from "../../src/core/ports.js";
import { renderTerminalProgress, renderTerminalReply } from "../../src/platforms/terminal/render-terminal-reply.js";
import { runTerminalChat } from "../../src/platforms/terminal/run-terminal-chat.js";
import { terminalSession } from "../../src/platforms/terminal/terminal-session.js";
import { engineHarness } from "../fakes/engine-harness.js";
import { FakeModel } from "../fakes/fake-model.js";
import { MemoryStore } from "../fakes/memory-store.js";
import { promptBlocks } from "../fixtures/prompt-blocks.js";

async function chat(lines: string[], options: { model?: FakeModel; store?: ConversationStore; runId?: string } = {}) {
  const { engine, model } = await engineHarness(options);
  const input = new PassThrough();
  const output = new PassThrough();
  let stdout = "";
  output.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  const done = runTerminalChat({ engine, input, output, runId: options.runId ?? "test" });
  input.end(`${lines.join("\n")}\n`);
  await done;
  return { stdout, model };
}

describe("terminal chat", () => {
  it("goes from a piped intent to a prompt: numbered options, several numbers answer in order", async () => {
    const { stdout, model } = await chat(["write a cold email to an investor", "1 2"]);
    expect(stdout).toContain("Q1. Who will read it?\n  1) Investors\n  2) Customers\n  3) My team");
    expect(stdout).toContain("Q2. Which tone fits?\n  1) Formal\n  2) Warm\n  3) Direct");
    const [v1, ...more] = promptBlocks(stdout);
    expect(more).toEqual([]);
    expect(v1?.version).toBe(1);
    expect(v1?.text).toContain("Investors");
    expect(v1?.text).toContain("Warm");
    // The round is shown once after the line that answered it, not once per number.
    expect(stdout.match(/^Q1\. /gm)).toHaveLength(2);
    expect(stdout.match(/^A few questions/gm)).toHaveLength(1);
    expect(stdout).toContain("Q1. Who will read it? -> Investors\nQ2. Which tone fits? -> Warm");
    // After the prompt: the checklist and the assumptions.
    expect(stdout).toContain(
      [
        "--- end ---",
        "Capabilities:",
        "  [pinned] audience: Investors",
        "  [pinned] tone: Warm",
        "  [assumed] length: under 150 words",
        "  [open] goal, role, format, language, context, must_include, avoid, examples, reasoning",
      ].join("\n"),
    );
    expect(stdout).toContain("Assumptions (say so to correct one):\n  - The reader knows the product.");
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
  });

  it("a refinement says what changed from the previous version and marks the capabilities it changed", async () => {
    const { stdout } = await chat(["write a cold email to an investor", "1 2", "make the tone Formal"]);
    const [v1, v2] = promptBlocks(stdout);
    expect(v2?.version).toBe(2);
    expect(v1?.text).not.toContain("Refined: make the tone Formal");
    expect(stdout).toContain("What changed from v1:\n  + - Refined: make the tone Formal");
  });

  it("a single number answers the first open question, the next number the one left", async () => {
    const { stdout } = await chat(["write a cold email to an investor", "3", "1"]);
    expect(stdout).toContain("Q1. Who will read it? -> My team\nQ2. Which tone fits?\n  1) Formal");
    expect(stdout.match(/^A few questions/gm)).toHaveLength(1);
    const [v1] = promptBlocks(stdout);
    expect(v1?.text).toContain("My team");
    expect(v1?.text).toContain("Formal");
  });

  it("takes free text, refinements as new versions, and typed words", async () => {
    const { stdout, model } = await chat([
      "write a cold email to an investor",
      "angels, warm",
      "shorter please",
      "help",
    ]);
    expect(promptBlocks(stdout).map((v) => v.version)).toEqual([1, 2]);
    expect(promptBlocks(stdout)[1]?.text).toContain("Refined: shorter please");
    expect(model.callsOf("integrate")[0]?.user).toContain("A: angels, warm");
    expect(stdout).toContain("Words: skip");
  });

  it("skip writes the prompt now", async () => {
    const { stdout, model } = await chat(["write a cold email to an investor", "skip"]);
    expect(promptBlocks(stdout).map((v) => v.version)).toEqual([1]);
    expect(model.calls.map((c) => c.call)).toEqual(["analyse", "synthesize"]);
  });

  it("explains an out-of-range number instead of sending it", async () => {
    const { stdout, model } = await chat(["write a cold email to an investor", "9"]);
    expect(stdout).toContain("Question 1 has options 1 to 3.");
    expect(model.calls).toHaveLength(1);
  });

  it("prints the user-safe message of a failure; typed retry resumes with what was said", async () => {
    const model = new FakeModel();
    model.failNext("integrate", new TailorError("model.timeout", "llama: context 0x7f deadline"));
    const { stdout } = await chat(["write a cold email to an investor", "angels, warm", "retry"], { model });
    expect(stdout).toContain("! The model could not finish this step. Nothing you said is lost");
    expect(stdout).not.toContain("0x7f");
    expect(promptBlocks(stdout).map((v) => v.version)).toEqual([1]);
    expect(model.callsOf("integrate")[1]?.user).toContain("A: angels, warm");
  });

  it("the first line is a new intent even when an earlier run left a conversation in the store", async () => {
    const store = new MemoryStore();
    await chat(["write a cold email to an investor", "skip"], { store, runId: "first" });
    const { stdout, model } = await chat(["a vegan dinner recipe", "skip"], { store, runId: "second" });
    expect(model.callsOf("analyse")[0]?.user).toContain("<intent>\na vegan dinner recipe\n</intent>");
    expect(promptBlocks(stdout).map((v) => v.version)).toEqual([1]);
  });

  it("new starts over: the next line is the new intent", async () => {
    const { stdout, model } = await chat(["write a cold email to an investor", "new", "a vegan dinner recipe", "skip"]);
    expect(stdout).toContain("Starting over");
    expect(model.callsOf("analyse").map((c) => /<intent>\n(.*)/.exec(c.user)?.[1])).toEqual([
      "write a cold email to an investor",
      "a vegan dinner recipe",
    ]);
    expect(promptBlocks(stdout).map((v) => v.version)).toEqual([1]);
  });

  it("ends on shutdown while waiting for a line, without needing EOF", async () => {
    const { engine, model } = await engineHarness();
    const input = new PassThrough();
    const output = new PassThrough();
    const asked = new Promise<void>((resolve) => {
      output.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Q1.")) resolve();
      });
    });
    const controller = new AbortController();
    const done = runTerminalChat({ engine, input, output, signal: controller.signal });
    input.write("write a cold email to an investor\n");
    await asked;
    controller.abort();
    await done;
    expect(model.calls).toHaveLength(1);
  });
});

describe("terminal replies in the conversation's language", () => {
  const refined = (language?: "en" | "es"): EngineReply => ({
    visibility: "public",
    closesRound: false,
    kind: "prompt",
    version: 3,
    text: "Eres un redactor.",
    checklist: [],
    assumptions: [],
    repaired: [],
    changes: [{ op: "added", text: "Tono: cálido." }],
    ...(language ? { language } : {}),
  });

  it("says what changed in the reply's language", () => {
    expect(renderTerminalReply(refined("es"))).toContain("Qué cambió desde la v2:\n  + Tono: cálido.");
    expect(renderTerminalReply(refined("es"))).not.toContain("What changed");
    expect(renderTerminalReply(refined())).toContain("What changed from v2:\n  + Tono: cálido.");
  });

  it("writes the whole trailer in French (nothing changed, headings, next step), markers and tags untouched", () => {
    const french: EngineReply = {
      ...(refined() as Extract<EngineReply, { kind: "prompt" }>),
      language: "fr",
      changes: [],
      checklist: [
        { capability: "tone", label: "Ton", status: "pinned", value: "chaleureux", changed: true, options: [] },
        {
          capability: "audience",
          label: "Public",
          status: "assumed",
          value: "clients",
          source: "default",
          options: [],
        },
      ],
      assumptions: ["Le lecteur connaît le produit."],
      repaired: ["chaleureux"],
    };
    expect(renderTerminalReply(french).split("\n")).toEqual([
      "--- prompt v3 ---",
      "Eres un redactor.",
      "--- end ---",
      "Caractéristiques :",
      "  [pinned] tone: chaleureux (modifié)",
      "  [assumed] audience: clients (valeur par défaut du canal)",
      "Hypothèses (dis-le pour en corriger une) :",
      "  - Le lecteur connaît le produit.",
      "Rajouté au prompt : chaleureux",
      "Rien n'a changé depuis la v2.",
      "Écris une retouche (« plus court », « pour un élève de CM2 ») ou new, forget, help.",
    ]);
    const english = renderTerminalReply({ ...french, language: "en" });
    expect(english).toContain(
      "Capabilities:\n  [pinned] tone: chaleureux (changed)\n  [assumed] audience: clients (channel default)",
    );
    expect(english).toContain("Added back to the prompt: chaleureux\nNothing changed from v2.\nType a refinement");
  });

  it("a German conversation gets the answer hints and the invalid-number messages in German (skip stays typed)", async () => {
    const { stdout } = await chat([
      "Schreib eine E-Mail an unsere Kunden über die neue Preisliste",
      "9",
      "1 1 1",
      "3",
      "5",
      "skip",
    ]);
    expect(stdout).toContain(
      "  3) Direct\nAntworte mit Zahlen der Reihe nach (z. B. 1 1), in eigenen Worten oder mit skip.\nFrage 1 hat die Optionen 1 bis 3.\nEs sind 2 Fragen offen; tippe höchstens 2 Zahlen.\n",
    );
    expect(stdout).toContain(
      "Q1. Who will read it? -> My team\nQ2. Which tone fits?\n  1) Formal\n  2) Warm\n  3) Direct\nAntworte mit einer Zahl, in eigenen Worten oder mit skip.\nFrage 1 hat die Optionen 1 bis 3.\n",
    );
    for (const english of ["Answer with", "has options", "open questions", "not answered"]) {
      expect(stdout).not.toContain(english);
    }
    expect(promptBlocks(stdout).map((v) => v.version)).toEqual([1]);
  });

  it("an English conversation keeps the English hints and messages, word for word", async () => {
    const { stdout } = await chat(["write a cold email to an investor", "1 1 1", "3", "5"]);
    expect(stdout).toContain("Answer with numbers in order (e.g. 1 1), in your own words, or skip.");
    expect(stdout).toContain("There are 2 open questions; type at most that many numbers.");
    expect(stdout).toContain("Answer with a number, in your own words, or skip.\nQuestion 1 has options 1 to 3.");
  });

  const closedRound = (language?: "de" | "fr"): EngineReply => ({
    visibility: "public",
    closesRound: true,
    kind: "questions",
    round: 1,
    intro: "",
    closed: true,
    questions: [
      { id: "q1", capability: "audience", text: "Qui va le lire ?", options: ["Clients"], answer: "Clients" },
      { id: "q2", capability: "tone", text: "Quel ton ?", options: ["Formel"] },
    ],
    ...(language ? { language } : {}),
  });

  it("a closed round's unanswered question, the retry hint and the progress lines follow the language", () => {
    expect(renderTerminalReply(closedRound("fr"))).toBe(
      "Q1. Qui va le lire ? -> Clients\nQ2. Quel ton ? -> (sans réponse)",
    );
    expect(renderTerminalReply(closedRound())).toBe(
      "Q1. Qui va le lire ? -> Clients\nQ2. Quel ton ? -> (not answered)",
    );
    const failed = (language?: "de"): EngineReply => ({
      visibility: "public",
      closesRound: false,
      kind: "error",
      code: "model.timeout",
      message: "Das Modell wurde nicht fertig.",
      retry: true,
      ...(language ? { language } : {}),
    });
    expect(renderTerminalReply(failed("de"))).toBe(
      "! Das Modell wurde nicht fertig. (tippe retry, um es noch einmal zu versuchen)",
    );
    expect(renderTerminalReply(failed())).toBe("! Das Modell wurde nicht fertig. (type retry to try again)");
    expect(renderTerminalProgress({ kind: "queued", position: 2, language: "fr" })).toBe(
      "(en attente du modèle : position 2)",
    );
    expect(renderTerminalProgress({ kind: "working", step: "synthesize", language: "fr" })).toBe(
      "(en cours : écriture du prompt…)",
    );
    expect(renderTerminalProgress({ kind: "working", step: "analyse", language: "de" })).toBe(
      "(in Arbeit: Anfrage lesen…)",
    );
    expect(renderTerminalProgress({ kind: "queued", position: 2 })).toBe("(waiting for the model: position 2)");
    expect(renderTerminalProgress({ kind: "working", step: "synthesize", language: "en" })).toBe(
      "(working: synthesize…)",
    );
  });

  it("the session's progress lines and its stopping line follow the conversation's language", async () => {
    const { engine } = await engineHarness();
    let stdout = "";
    let stderr = "";
    const sink = (append: (text: string) => void) => {
      const stream = new PassThrough();
      stream.on("data", (chunk: Buffer) => append(chunk.toString()));
      return stream;
    };
    const session = terminalSession({
      engine,
      output: sink((text) => {
        stdout += text;
      }),
      progress: sink((text) => {
        stderr += text;
      }),
      runId: "language",
    });
    await session.line("Écris un e-mail à nos clients au sujet de la nouvelle grille tarifaire");
    await session.line("7");
    session.stop();
    // Nothing runs now: the engine's answer to the stop comes in French too.
    await vi.waitFor(() => expect(stdout).toContain("Rien n'est en cours"));
    expect(stderr).toContain("(en cours : lecture de la demande…)\n");
    expect(stderr).toContain("(arrêt en cours…)\n");
    expect(stderr).not.toContain("stopping");
    expect(stdout).toContain("La question 1 a les options 1 à 3.");
  });
});
