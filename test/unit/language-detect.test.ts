import { describe, expect, it } from "vitest";
import { detectLanguage } from "../../src/core/language/detect-language.js";

describe("detectLanguage", () => {
  it.each([
    ["write a cold email to an investor about our seed round", "en"],
    ["kannst du mir helfen eine Gehaltserhöhung zu verhandeln", "de"],
    ["necesito una receta de cena para mis hijos", "es"],
    ["écris un poème pour l'anniversaire de ma mère", "fr"],
    ["preciso de um plano de estudo para o exame", "pt"],
    ["scrivi una mail al mio capo per chiedere ferie", "it"],
    ["上司に休暇をお願いするメールを書いて", "ja"],
    ["帮我写一封给投资人的邮件", "zh"],
    ["회의록을 요약해 주세요", "ko"],
    ["मेरी माँ के जन्मदिन के लिए एक कविता लिखो", "hi"],
    ["напиши письмо начальнику об отпуске", "ru"],
    ["اكتب رسالة إلى مديري", "ar"],
  ])("%s → %s", (text, code) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it("says nothing about text without words", () => {
    expect(detectLanguage("🤔")).toBeNull();
    expect(detectLanguage("???")).toBeNull();
  });
});
