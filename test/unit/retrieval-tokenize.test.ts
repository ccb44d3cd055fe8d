import { describe, expect, it } from "vitest";
import { loadLibrary } from "../../src/core/library/load-library.js";
import { createRetriever } from "../../src/core/retrieval/create-retriever.js";
import { stem, tokenize } from "../../src/core/retrieval/tokenize.js";

describe("retrieval tokens", () => {
  it("keeps words of any script: accented words stay whole, Hindi and Russian give tokens, CJK gives bigrams", () => {
    expect(tokenize("Gehaltserhöhung verhandeln")).toContain("gehaltserhohung");
    expect(tokenize("résumé")).toEqual(tokenize("resume"));
    expect(tokenize("मेरी माँ के लिए कविता").length).toBeGreaterThan(2);
    expect(tokenize("напиши письмо")).toEqual(["напиши", "письмо"]);
    expect(tokenize("メールを書いて")).toContain("メー");
  });

  it("stems consistently: plural and verb forms meet their noun", () => {
    expect(stem("recipes")).toBe(stem("recipe"));
    expect(stem("negotiating")).toBe(stem("negotiation"));
    expect(stem("planning")).toBe(stem("plan"));
    expect(stem("emails")).toBe(stem("emailing"));
  });
});

describe("retrieval choices", () => {
  const retriever = createRetriever(loadLibrary().domains);
  const top = (intent: string) => retriever.domains(intent, 1)[0]?.domain;

  it("generic words do not pull: explaining Python is not a legal or medical question", () => {
    expect(top("explain python decorators to me")).not.toMatch(/legal|medical/);
  });

  it("a weak match is no match: the score floor keeps unrelated exemplars out", () => {
    expect(retriever.domains("zzqx vvbn of the", 3)).toEqual([]);
  });

  it.each([
    ["上司に送るメールを書いて", "email"],
    ["简单的晚餐食谱", "recipe"],
    ["मेरी माँ के जन्मदिन के लिए कविता", "poetry"],
    ["напиши рецепт борща", "recipe"],
    ["이력서를 고쳐 주세요", "resume"],
    ["وصفة سهلة للعشاء", "recipe"],
  ])("a non-Latin intent finds its domain: %s → %s", (intent, domain) => {
    expect(retriever.domains(intent, 3).map((d) => d.domain)).toContain(domain);
  });
});
