import { describe, expect, it } from "vitest";
import { CATALOG, EN, fill, MESSAGE_LANGUAGES } from "../../src/core/messages/catalog.js";
import { messageLanguage, translate } from "../../src/core/messages/localize-replies.js";
import { engineHarness, only } from "../fakes/engine-harness.js";

describe("the message catalog", () => {
  it("is complete in English, German, Spanish and French, with the same values in every text", () => {
    const values = (text: string) => (text.replace(/\{\{\w+\}\}/g, "").match(/\{\w+\}/g) ?? []).sort();
    for (const language of MESSAGE_LANGUAGES) {
      for (const [key, text] of Object.entries(EN)) {
        const translated = CATALOG[language][key as keyof typeof EN];
        expect(translated.trim(), `${language}.${key}`).not.toBe("");
        expect(values(translated), `${language}.${key}`).toEqual(values(text));
        if (language !== "en") expect(translated, `${language}.${key}`).not.toBe(text);
      }
    }
  });

  it("translates fixed texts with their values, and leaves other text alone", () => {
    expect(translate(fill(EN.tooLongMessage, { length: 5000, limit: 4000 }), "es")).toBe(
      fill(CATALOG.es.tooLongMessage, { length: 5000, limit: 4000 }),
    );
    expect(translate("a sentence from the model", "fr")).toBe("a sentence from the model");
    expect(messageLanguage("schreib eine Mail an meinen Chef")).toBe("de");
    expect(messageLanguage("上司へのメール")).toBe("en");
  });
});

describe("the engine speaks the conversation's language", () => {
  it("a German intent gets its round introduction and notices in German", async () => {
    const { send } = await engineHarness();
    const round = only(
      await send({ kind: "start", text: "schreib eine Mail an meinen Chef wegen Urlaub" }),
      "questions",
    );
    expect(round.intro.startsWith(CATALOG.de.firstRound)).toBe(true);
    const help = only(await send({ kind: "message", text: "help", mayStart: false }), "notice");
    expect(help.text).toBe(CATALOG.de.help);
  });

  it("an English intent stays in English", async () => {
    const { send } = await engineHarness();
    const round = only(await send({ kind: "start", text: "write an email to my boss about a day off" }), "questions");
    expect(round.intro.startsWith(EN.firstRound)).toBe(true);
  });
});
