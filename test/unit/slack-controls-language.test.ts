/**
 * What a click on a Slack control shows next (the empty form's hint, the diff, the "Other…" modal)
 * speaks the language of the message that was clicked: the handlers are driven through
 * registerControls with a stand-in app and client, and the language comes only from the clicked
 * message's blocks.
 */
import type { App } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import type { EngineReply, TailorEngine } from "../../src/core/engine-api.js";
import type { MessageLanguage } from "../../src/core/messages/catalog.js";
import { controlLabels } from "../../src/core/messages/control-labels.js";
import { silentLogger } from "../../src/log/logger.js";
import { languageOfBlocks } from "../../src/platforms/slack/message-language.js";
import { renderReply } from "../../src/platforms/slack/render-reply.js";
import { type ControlDeps, registerControls } from "../../src/platforms/slack/slack-controls.js";
import type { Block } from "../../src/platforms/slack/slack-message.js";
import { viewViolations } from "../fixtures/slack-standin/check-limits.js";

type Json = Record<string, unknown>;
type Handler = (args: Json) => Promise<void>;

const questions = (language?: MessageLanguage): EngineReply => ({
  visibility: "public",
  closesRound: false,
  kind: "questions",
  round: 1,
  intro: "Zwei Fragen.",
  questions: [
    { id: "q1", capability: "audience", text: "Wer liest es?", options: ["Investoren", "Kunden"] },
    { id: "q2", capability: "tone", text: "Welcher Ton?", options: ["Formell", "Warm"] },
  ],
  ...(language ? { language } : {}),
});

const promptV2 = (language?: MessageLanguage): EngineReply => ({
  visibility: "public",
  closesRound: false,
  kind: "prompt",
  version: 2,
  text: "Tu es un rédacteur.",
  checklist: [
    { capability: "audience", label: "Public", status: "pinned", value: "Investisseurs", options: ["Clients"] },
  ],
  assumptions: [],
  repaired: [],
  changes: [
    { op: "removed", text: "Ton : formel." },
    { op: "added", text: "Ton : chaleureux." },
  ],
  request: "plus chaleureux",
  ...(language ? { language } : {}),
});

/** registerControls on a stand-in app: the handlers by action id, and what they sent to Slack. */
function controls() {
  const handlers: Array<{ id: string | RegExp; handler: Handler }> = [];
  const ephemerals: Json[] = [];
  const opened: Json[] = [];
  const work: Promise<void>[] = [];
  const client = {
    chat: { postEphemeral: async (args: Json) => ephemerals.push(args) },
    views: { open: async (args: Json) => opened.push(args) },
  };
  const app = {
    action: (constraints: { action_id: string | RegExp }, handler: Handler) =>
      handlers.push({ id: constraints.action_id, handler }),
    view: () => undefined,
  };
  const engine = { claim: async () => ({ claimed: true, replies: [] }) };
  const deps = {
    app: app as unknown as App,
    client: client as unknown as App["client"],
    engine: engine as unknown as TailorEngine,
    logger: silentLogger,
    spawn: (_what: string, run: () => Promise<void>) => work.push(run()),
    runTurn: async () => undefined,
    labelOf: (capability: string) => capability,
    signal: () => new AbortController().signal,
  } satisfies ControlDeps;
  registerControls(deps);
  const click = async (action: Json, blocks: Block[], extra: Json = {}) => {
    const actionId = String(action.action_id);
    const found = handlers.find(({ id }) => (typeof id === "string" ? id === actionId : id.test(actionId)));
    if (!found) throw new Error(`no handler for ${actionId}`);
    const body = {
      type: "block_actions",
      user: { id: "U0OWNER", team_id: "T1" },
      team: { id: "T1" },
      channel: { id: "C1" },
      message: { ts: "2.0", thread_ts: "1.0", text: "", blocks },
      trigger_id: "trigger-1",
      state: { values: {} },
      ...extra,
    };
    await found.handler({ ack: async () => undefined, body, action: { action_ts: "3.0", ...action }, client });
    await Promise.all(work);
  };
  return { click, ephemerals, opened };
}

const submit = { action_id: "tailor_answer_submit", block_id: "tailor_controls", value: "submit" };
const diffButton = (blocks: Block[]): Json => {
  const line = blocks.find((block) => block.block_id === "tailor_changes") as { accessory: Json } | undefined;
  if (!line) throw new Error("no changes line");
  return { action_id: "tailor_diff", block_id: "tailor_changes", value: line.accessory.value };
};
const other = {
  action_id: "tailor_slot_0",
  block_id: "tailor_slot:audience",
  selected_option: { value: "tailor_slot_other" },
};

describe("a Slack message's language, read back from its blocks", () => {
  it("is the language its controls were written in, English when none tells", () => {
    expect(languageOfBlocks(renderReply(questions("de")).blocks)).toBe("de");
    expect(languageOfBlocks(renderReply(promptV2("fr")).blocks)).toBe("fr");
    expect(languageOfBlocks(renderReply(promptV2("es")).blocks)).toBe("es");
    expect(languageOfBlocks(renderReply(questions()).blocks)).toBe("en");
    expect(languageOfBlocks(undefined)).toBe("en");
    expect(languageOfBlocks([{ type: "section", text: "not a text object" }, null, 3])).toBe("en");
  });
});

describe("what a click shows speaks the clicked message's language", () => {
  it("Submit with nothing picked on a German form gets the hint in German", async () => {
    const { click, ephemerals } = controls();
    await click(submit, renderReply(questions("de")).blocks);
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]).toMatchObject({ channel: "C1", user: "U0OWNER", thread_ts: "1.0" });
    expect(ephemerals[0]?.text).toBe(
      "Wähle in mindestens einem der Menüs eine Antwort aus und sende sie dann ab (oder antworte in diesem Thread).",
    );
    expect(JSON.stringify(ephemerals[0]?.blocks)).toContain("Wähle in mindestens einem der Menüs");
  });

  it("Submit with nothing picked on an English form keeps the English hint", async () => {
    const { click, ephemerals } = controls();
    await click(submit, renderReply(questions()).blocks);
    expect(ephemerals[0]?.text).toBe(
      "Pick an answer in at least one of the menus, then Submit (or reply in this thread).",
    );
  });

  it("What changed on a French prompt shows the diff under a French heading", async () => {
    const { click, ephemerals } = controls();
    const { blocks } = renderReply(promptV2("fr"));
    await click(diffButton(blocks), blocks);
    expect(ephemerals).toHaveLength(1);
    expect(ephemerals[0]?.text).toBe("Ce qui a changé");
    const section = JSON.stringify(ephemerals[0]?.blocks);
    expect(section).toContain("*Ce qui a changé*");
    expect(section).toContain("+ Ton : chaleureux.");
    expect(section).not.toContain("What changed");
  });

  it("Other… on a Spanish prompt's checklist opens a modal titled in Spanish, within Slack's limits", async () => {
    const { click, opened } = controls();
    await click(other, renderReply(promptV2("es")).blocks);
    expect(opened).toHaveLength(1);
    const view = opened[0]?.view as Json & { title: { text: string } };
    expect(opened[0]?.trigger_id).toBe("trigger-1");
    expect(view.title.text).toBe("Cambiar una opción");
    expect(viewViolations(view)).toEqual([]);
  });

  it("every language's modal title fits Slack's 24 characters", () => {
    for (const language of ["en", "de", "es", "fr"] as const)
      expect(controlLabels(language).changeChoice.length).toBeLessThanOrEqual(24);
  });
});

describe("the rest of a prompt's and the modal's words follow the language", () => {
  const withAssumptions = (language?: MessageLanguage): EngineReply => ({
    ...(promptV2(language) as Extract<EngineReply, { kind: "prompt" }>),
    assumptions: ["Der Leser kennt das Produkt."],
  });
  const changesText = (reply: EngineReply): string => {
    const line = renderReply(reply).blocks.find((block) => block.block_id === "tailor_changes") as
      | { text: { text: string } }
      | undefined;
    if (!line) throw new Error("no changes line");
    return line.text.text;
  };

  it("a German v2 says what changed, and its assumptions heading, in German", () => {
    expect(changesText(promptV2("de"))).toBe(
      "*Änderungen seit v1*: 1 Zeile hinzugefügt, 1 entfernt · deine Bitte: „plus chaleureux“",
    );
    const blocks = JSON.stringify(renderReply(withAssumptions("de")).blocks);
    expect(blocks).toContain("*Annahmen* (sag es in diesem Thread, um eine zu korrigieren)\\n• Der Leser");
    expect(blocks).not.toContain("Assumptions");
    expect(blocks).not.toContain("Changes from");
  });

  it("counts lines with each language's plural (French says 0 supprimée), English as before", () => {
    const added = (language?: MessageLanguage): EngineReply => ({
      ...(promptV2(language) as Extract<EngineReply, { kind: "prompt" }>),
      changes: [
        { op: "added", text: "a" },
        { op: "added", text: "b" },
      ],
      request: undefined,
    });
    expect(changesText(added("fr"))).toBe("*Modifications depuis la v1*: 2 lignes ajoutées, 0 supprimée");
    expect(changesText(added("es"))).toBe("*Cambios desde la v1*: 2 líneas añadidas, 0 eliminadas");
    expect(changesText(added())).toBe("*Changes from v1*: 2 lines added, 0 removed");
    expect(changesText(promptV2())).toBe("*Changes from v1*: 1 line added, 1 removed · you asked: “plus chaleureux”");
    expect(JSON.stringify(renderReply(withAssumptions()).blocks)).toContain(
      "*Assumptions* (say so in this thread to correct one)",
    );
  });

  it("Other… on a Spanish prompt opens a modal whose buttons, hint and field speak Spanish, within limits", async () => {
    const { click, opened } = controls();
    await click(other, renderReply(promptV2("es")).blocks);
    const view = opened[0]?.view as Json & {
      submit: { text: string };
      close: { text: string };
      blocks: Array<{ text?: { text: string }; label?: { text: string } }>;
    };
    expect(view.submit.text).toBe("Escribir");
    expect(view.close.text).toBe("Cancelar");
    expect(view.blocks[0]?.text?.text).toBe("Se escribe una nueva versión del prompt con este valor para *audience*.");
    expect(JSON.stringify(view)).not.toMatch(/Write it|Cancel"|A new version/);
    expect(viewViolations(view)).toEqual([]);
  });

  it("every language's modal buttons fit Slack's 24 characters, and an empty field label falls back in the language", async () => {
    for (const language of ["en", "de", "es", "fr"] as const) {
      expect(controlLabels(language).modalSubmit.length).toBeLessThanOrEqual(24);
      expect(controlLabels(language).modalCancel.length).toBeLessThanOrEqual(24);
    }
    const { renderSlotModal } = await import("../../src/platforms/slack/slot-modal.js");
    const envelope = { key: { platform: "slack", workspace: "T1", channel: "C1", thread: "1.0" } };
    type Modal = { blocks: unknown; submit?: { text: string }; close?: { text: string } };
    const view = renderSlotModal(envelope as never, "audience", "", controlLabels("de")) as Modal;
    expect(JSON.stringify(view.blocks)).toContain('"text":"Wert"');
    expect(view.submit?.text).toBe("Schreiben");
    const english = renderSlotModal(envelope as never, "audience", "", controlLabels("en")) as Modal;
    expect(english.submit?.text).toBe("Write it");
    expect(english.close?.text).toBe("Cancel");
    expect(JSON.stringify(english.blocks)).toContain('"text":"Value"');
  });
});
