/**
 * The Slack renderers and payload readers of the native features, without a server: the one-form
 * answer, Stop, the streamed draft, version diffs, slot selects and their modal, suggested prompts and
 * `/tailor defaults` parsing.
 */
import { describe, expect, it } from "vitest";
import type { ChecklistItem, EngineReply } from "../../src/core/engine-api.js";
import { loadLibrary } from "../../src/core/library/load-library.js";
import { controlLabels } from "../../src/core/messages/control-labels.js";
import { titleOf } from "../../src/platforms/slack/assistant-surface.js";
import { parseAdmins } from "../../src/platforms/slack/defaults-command.js";
import { normalizeSlot, normalizeSubmit } from "../../src/platforms/slack/normalize-controls.js";
import { defaultsCommandText, normalizeAction } from "../../src/platforms/slack/normalize-events.js";
import { encodeDiff, renderDiff } from "../../src/platforms/slack/render-diff.js";
import { renderDraft, streamOpening, streamPiece } from "../../src/platforms/slack/render-draft.js";
import { renderReply, renderWorking } from "../../src/platforms/slack/render-reply.js";
import type { Block } from "../../src/platforms/slack/slack-message.js";
import { normalizeSlotSubmission, renderSlotModal } from "../../src/platforms/slack/slot-modal.js";
import { suggestedPrompts } from "../../src/platforms/slack/suggested-prompts.js";
import { limitViolations, viewViolations } from "../fixtures/slack-standin/check-limits.js";

const PINGS = "<!channel> <!here> <@U123>";
type Json = Record<string, unknown>;

const questions: EngineReply = {
  visibility: "public",
  closesRound: false,
  kind: "questions",
  round: 1,
  intro: "Two questions.",
  questions: [
    { id: "q1", capability: "audience", text: "Who reads it?", options: ["Investors", "Customers"] },
    { id: "q2", capability: "tone", text: "Which tone?", options: ["Formal", `Warm ${"x".repeat(300)}`] },
  ],
};

const item = (overrides: Partial<ChecklistItem>): ChecklistItem => ({
  capability: "audience",
  label: "Audience",
  status: "pinned",
  value: "Investors",
  options: ["Investors", "Customers", "My team"],
  ...overrides,
});

const promptV2 = (overrides: Partial<Extract<EngineReply, { kind: "prompt" }>> = {}): EngineReply => ({
  visibility: "public",
  closesRound: false,
  kind: "prompt",
  version: 2,
  text: "You are a writer.",
  checklist: [
    item({}),
    item({
      capability: "tone",
      label: "Tone",
      status: "assumed",
      value: "Warm",
      options: ["Formal", "Warm"],
      changed: true,
    }),
    item({
      capability: "language",
      label: "Language",
      status: "assumed",
      value: "German",
      source: "default",
      options: [],
    }),
    item({ capability: "examples", label: "Examples", status: "open", value: undefined, options: [] }),
  ],
  assumptions: [],
  repaired: [],
  changes: [
    { op: "removed", text: "Tone: formal." },
    { op: "added", text: "Tone: warm <!here>." },
  ],
  request: "warmer please",
  ...overrides,
});

const blockById = (blocks: Block[], id: string): Json | undefined =>
  blocks.find((block) => block.block_id === id) as Json | undefined;

/** A block_actions body for a message showing `blocks` (the fields the readers use). */
const body = (blocks: Block[], extra: Json = {}) => ({
  user: { id: "U0OWNER", team_id: "T1" },
  team: { id: "T1" },
  channel: { id: "C1" },
  message: { ts: "2.0", thread_ts: "1.0", blocks },
  ...extra,
});

describe("the one-form answer", () => {
  it("adds a select per open question in input blocks that answer only on Submit", () => {
    const message = renderReply(questions);
    const inputs = message.blocks.filter((block) => block.type === "input") as unknown as Json[];
    expect(inputs.map((block) => block.block_id)).toEqual(["tailor_pick:q1", "tailor_pick:q2"]);
    for (const input of inputs) expect(input.dispatch_action).toBe(false);
    const select = (inputs[0] as { element: { action_id: string; options: Array<{ value: string }> } }).element;
    expect(select.action_id).toBe("tailor_answer_pick");
    expect(select.options.map((option) => option.value)).toEqual(["0", "1"]);
    const controls = JSON.stringify(blockById(message.blocks, "tailor_controls"));
    expect(controls).toContain("tailor_answer_submit");
    expect(controls).toContain("tailor_skip");
    expect(limitViolations({ text: message.text, blocks: message.blocks })).toEqual([]);
  });

  it("Submit reads the picked options whole, from the question's buttons (option values hold 150 characters)", () => {
    const { blocks } = renderReply(questions);
    const state = {
      values: {
        "tailor_pick:q1": { tailor_answer_pick: { type: "static_select", selected_option: { value: "1" } } },
        "tailor_pick:q2": { tailor_answer_pick: { type: "static_select", selected_option: { value: "1" } } },
      },
    };
    const action = { action_id: "tailor_answer_submit", block_id: "tailor_controls", action_ts: "3.0" };
    const submitted = normalizeSubmit(body(blocks, { state }), action);
    expect(submitted?.kind === "answers" && submitted.event).toMatchObject({
      kind: "answers",
      answers: { q1: "Customers", q2: `Warm ${"x".repeat(300)}` },
      key: { platform: "slack", workspace: "T1", channel: "C1", thread: "1.0" },
    });
    const empty = normalizeSubmit(body(blocks, { state: { values: {} } }), action);
    expect(empty).toEqual({ kind: "empty", channel: "C1", threadTs: "1.0", userId: "U0OWNER" });
  });

  it("an answered question loses its select with its buttons", () => {
    if (questions.kind !== "questions") throw new Error("unreachable");
    const answered = {
      ...questions,
      questions: [{ ...questions.questions[0]!, answer: "Investors" }, questions.questions[1]!],
    };
    const message = renderReply(answered);
    expect(blockById(message.blocks, "tailor_pick:q1")).toBeUndefined();
    expect(blockById(message.blocks, "tailor_pick:q2")).toBeDefined();
  });
});

describe("Stop and the streamed draft", () => {
  it("the working message carries a Stop button, and a Stop click is a stop event", () => {
    const working = renderWorking({ kind: "queued", position: 2 });
    expect(JSON.stringify(working.blocks)).toContain('"action_id":"tailor_stop"');
    const stop = normalizeAction(body(working.blocks), {
      action_id: "tailor_stop",
      block_id: "tailor_working",
      action_ts: "3.0",
      value: "stop",
    });
    expect(stop?.event.kind).toBe("stop");
  });

  it("the working message and the draft speak the conversation's language", () => {
    const working = renderWorking({ kind: "queued", position: 1, language: "es" });
    expect(working.text).toBe("Esperando al modelo: eres el siguiente…");
    expect(JSON.stringify(working.blocks)).toContain('"text":"Detener"');
    expect(streamOpening({ version: 3, text: "Rol", language: "de" })).toBe("_Schreibe Prompt v3…_\n\nRol");
  });

  it("escapes every streamed piece and the fallback draft, and the fallback keeps Stop on the working message", () => {
    expect(streamOpening({ version: 2, text: `Hi ${PINGS}` })).toBe(
      "_Writing prompt v2…_\n\nHi &lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt;",
    );
    expect(streamPiece("<@U1> & co")).toBe("&lt;@U1&gt; &amp; co");
    const draft = renderDraft({ version: 1, text: `${PINGS}\n\`\`\`sql\n${"y".repeat(5000)}` }, true);
    expect(limitViolations({ text: draft.text, blocks: draft.blocks })).toEqual([]);
    expect(JSON.stringify(draft.blocks)).not.toMatch(/<[!@]/);
    expect(JSON.stringify(draft.blocks)).toContain("tailor_stop");
    expect(JSON.stringify(renderDraft({ version: 1, text: "x" }, false).blocks)).not.toContain("tailor_stop");
  });
});

describe("versions and slot edits", () => {
  it("v2 says what changed in one line, with the diff behind a tailor_diff button", () => {
    const message = renderReply(promptV2());
    const changes = blockById(message.blocks, "tailor_changes") as { text: { text: string }; accessory: Json };
    expect(changes.text.text).toContain("*Changes from v1*: 1 line added, 1 removed · you asked: “warmer please”");
    expect(changes.accessory).toMatchObject({
      action_id: "tailor_diff",
      value: "- Tone: formal.\n+ Tone: warm <!here>.",
    });
    const shown = renderDiff(String(changes.accessory.value), controlLabels("en"));
    expect(JSON.stringify(shown.blocks)).toContain("+ Tone: warm &lt;!here&gt;.");
    expect(JSON.stringify(renderReply(promptV2({ changes: [] })).blocks)).toContain(
      "Nothing changed from the previous version",
    );
    expect(JSON.stringify(renderReply(promptV2({ version: 1, changes: undefined })).blocks)).not.toContain(
      "tailor_diff",
    );
  });

  it("a long diff is cut at a line and says how many lines it left out", () => {
    const changes = Array.from({ length: 100 }, (_, i) => ({
      op: "added" as const,
      text: `line ${i} ${"z".repeat(40)}`,
    }));
    const encoded = encodeDiff(changes);
    expect(encoded.length).toBeLessThanOrEqual(2000);
    expect(encoded).toMatch(/… \d+ more changed lines$/);
  });

  it("each pinned or assumed item gets a select (its options and Other…), the changed one is marked", () => {
    const message = renderReply(promptV2());
    const audience = blockById(message.blocks, "tailor_slot:audience") as { accessory: Json; text: { text: string } };
    expect(audience.accessory).toMatchObject({ type: "static_select", action_id: "tailor_slot_0" });
    const options = (audience.accessory.options as Array<{ text: { text: string }; value: string }>).map(
      (o) => o.text.text,
    );
    expect(options).toEqual(["Investors", "Customers", "My team", "Other…"]);
    expect((audience.accessory.initial_option as { value: string }).value).toBe("=Investors");
    const tone = blockById(message.blocks, "tailor_slot:tone") as { accessory: Json; text: { text: string } };
    expect(tone.accessory.action_id).toBe("tailor_slot_1");
    expect(tone.text.text).toContain("changed");
    const language = blockById(message.blocks, "tailor_slot:language") as { text: { text: string } };
    expect(language.text.text).toContain("channel default");
    expect(blockById(message.blocks, "tailor_slot:examples")).toBeUndefined();
    expect(limitViolations({ text: message.text, blocks: message.blocks })).toEqual([]);
  });

  it("a slot choice is a slot event; Other… asks for a modal whose submission is one", () => {
    const { blocks } = renderReply(promptV2());
    const pick = (value: string) =>
      normalizeSlot(body(blocks), {
        action_id: "tailor_slot_0",
        block_id: "tailor_slot:audience",
        action_ts: "3.0",
        selected_option: { value },
      });
    expect(pick("=Customers")).toMatchObject({
      kind: "value",
      event: { kind: "slot", capability: "audience", value: "Customers" },
    });
    const other = pick("tailor_slot_other");
    if (other?.kind !== "other") throw new Error("expected Other…");
    const view = renderSlotModal(other.envelope, other.capability, "Audience", controlLabels("en"));
    expect(viewViolations(view as unknown as Json)).toEqual([]);
    const event = normalizeSlotSubmission({
      user: { id: "U0OWNER" },
      view: {
        id: "V1",
        private_metadata: view.private_metadata ?? "",
        state: { values: { tailor_slot_value: { value: { value: "  board members " } } } },
      },
    });
    expect(event).toMatchObject({
      kind: "slot",
      capability: "audience",
      value: "board members",
      key: { workspace: "T1", channel: "C1", thread: "1.0" },
      user: { id: "U0OWNER" },
    });
  });
});

describe("the bot's own words in the conversation's language", () => {
  it("writes controls and headings in the reply's language", () => {
    const german = renderReply({ ...questions, language: "de" });
    expect(JSON.stringify(german.blocks)).toContain("Überspringen: Prompt jetzt schreiben");
    expect(JSON.stringify(german.blocks)).toContain("Antworten senden");
    const prompt = renderReply(promptV2({ language: "de" }));
    expect(prompt.text).toBe("Maßgeschneiderter Prompt v2");
    expect(JSON.stringify(prompt.blocks)).toContain("Was sich geändert hat");
    const error = renderReply({
      visibility: "public",
      closesRound: false,
      kind: "error",
      code: "x",
      message: "Nein.",
      retry: true,
      language: "de",
    });
    expect(JSON.stringify(error.blocks)).toContain("Wiederholen");
  });
});

describe("assistant threads and /tailor defaults", () => {
  it("suggests four prompts from popular domains of the real library, the same every time", () => {
    const prompts = suggestedPrompts(loadLibrary());
    expect(prompts.map((prompt) => prompt.title)).toEqual([
      "Email",
      "Code generation",
      "Marketing copy",
      "Lesson plan",
    ]);
    for (const prompt of prompts) expect(prompt.message.length).toBeGreaterThan(5);
    expect(suggestedPrompts(loadLibrary())).toEqual(prompts);
  });

  it("titles a thread with the intent's first line, without live mentions", () => {
    expect(titleOf(`a toast <!here>\nmore`)).toBe("a toast ‹!here›");
  });

  it("reads /tailor defaults and TAILOR_ADMINS", () => {
    expect(defaultsCommandText("defaults")).toBe("");
    expect(defaultsCommandText("  Defaults set tone=friendly; audience=new hires ")).toBe(
      "set tone=friendly; audience=new hires",
    );
    expect(defaultsCommandText("defaultsx")).toBeUndefined();
    expect(defaultsCommandText("write defaults for a form")).toBeUndefined();
    expect([...parseAdmins(" U1, ,U2 ")]).toEqual(["U1", "U2"]);
  });
});

describe("the checklist in the conversation's language", () => {
  it("writes its headings and status words from the control labels", async () => {
    const { renderChecklist } = await import("../../src/platforms/slack/render-checklist.js");
    const blocks = renderChecklist(
      [
        { capability: "tone", label: "Tone", status: "assumed", value: "warm", options: ["Formal"] },
        { capability: "avoid", label: "Avoid", status: "open", options: [] },
      ],
      controlLabels("fr"),
    );
    const text = JSON.stringify(blocks);
    expect(text).toContain("Liste de contrôle");
    expect(text).toContain("_supposé_");
    expect(text).toContain("Laissé ouvert, à optimiser par le modèle");
    expect(text).toContain("Changer…");
  });
});

describe("the /tailor root message", () => {
  it("speaks the intent's language and mentions only the owner", async () => {
    const { renderRoot } = await import("../../src/platforms/slack/render-reply.js");
    const root = renderRoot("U123", "Schreib eine E-Mail an unsere Kunden über die neue Preisliste <!channel>");
    const text = JSON.stringify(root.blocks);
    expect(text).toContain("<@U123> möchte einen maßgeschneiderten Prompt:");
    expect(text).toContain("Ich stelle in diesem Thread ein paar Fragen");
    expect(text).not.toContain("<!channel>");
  });
});

describe("a long diff's cut in the prompt's language", () => {
  it("counts the lines it left out in German, within the button value's 2000 characters", () => {
    const changes = Array.from({ length: 100 }, (_, i) => ({
      op: "added" as const,
      text: `Zeile ${i} ${"z".repeat(40)}`,
    }));
    const encoded = encodeDiff(changes, controlLabels("de"));
    expect(encoded.length).toBeLessThanOrEqual(2000);
    expect(encoded).toMatch(/… \d+ weitere geänderte Zeilen$/);
    expect(encoded).not.toContain("more changed");
  });
});
