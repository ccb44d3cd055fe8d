import { describe, expect, it } from "vitest";
import { CATALOG, MESSAGE_LANGUAGES } from "../../src/core/messages/catalog.js";
import { controlLabels } from "../../src/core/messages/control-labels.js";
import { engineHarness } from "../fakes/engine-harness.js";

describe("control labels follow the conversation's language", () => {
  it("every reply says its language, so adapters label their controls in it", async () => {
    const { send } = await engineHarness();
    const replies = await send({
      kind: "start",
      text: "Schreib eine E-Mail an unsere Kunden über die neue Preisliste",
    });
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) expect(reply.language).toBe("de");
    expect(controlLabels(replies[0]?.language).stop).toBe("Anhalten");
  });

  it("has every label in every catalog language, each different from English where the words differ", () => {
    expect(MESSAGE_LANGUAGES.every((language) => CATALOG[language] !== undefined)).toBe(true);
    for (const language of MESSAGE_LANGUAGES.filter((l) => l !== "en")) {
      const labels = controlLabels(language);
      expect(labels.skip).not.toBe(controlLabels("en").skip);
      expect(labels.promptTitle).toContain("{version}");
      expect(labels.queued).toContain("{position}");
    }
    expect(controlLabels(undefined)).toBe(controlLabels("en"));
  });
});

describe("the language of a clicked control", () => {
  it("is read back from its labels, so what the click opens speaks it too", async () => {
    const { languageOfLabels } = await import("../../src/core/messages/control-labels.js");
    expect(languageOfLabels([controlLabels("de").skip, "Investors"])).toBe("de");
    expect(languageOfLabels(["Investors", controlLabels("fr").answerAll])).toBe("fr");
    expect(languageOfLabels([controlLabels("en").skip])).toBe("en");
    expect(languageOfLabels([])).toBe("en");
  });
});
