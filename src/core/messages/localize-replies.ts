/**
 * Puts the engine's fixed texts in the conversation's language: a reply's notice, error message or
 * round introduction, written in English from the catalog, is looked up there and replaced by the
 * same text in German, Spanish or French. Anything else (model text, the user's words) stays as it is.
 */
import type { EngineReply } from "../engine-api.js";
import { detectLanguage } from "../language/detect-language.js";
import { CATALOG, EN, fill, MESSAGE_LANGUAGES, type MessageKey, type MessageLanguage } from "./catalog.js";

/** The catalog language for a text the user wrote; English when undetectable or not in the catalog. */
export function messageLanguage(userText: string | undefined): MessageLanguage {
  const code = userText ? detectLanguage(userText) : null;
  return (MESSAGE_LANGUAGES as readonly string[]).includes(code ?? "") ? (code as MessageLanguage) : "en";
}

const KEYS = Object.keys(EN) as MessageKey[];
const EXACT = new Map(KEYS.map((key) => [EN[key], key]));
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** Texts with `{values}`: a pattern that captures them, in the order they appear. */
const TEMPLATES = KEYS.filter((key) => /\{\w+\}/.test(EN[key].replace(/\{\{\w+\}\}/g, ""))).map((key) => {
  const names: string[] = [];
  const source = escapeRegExp(EN[key]).replace(/\\\{(\w+)\\\}/g, (whole, name: string, at: number, all: string) => {
    // "{{placeholder}}" is literal text, not a value.
    if (all[at - 1] === "{" || all.slice(at + whole.length, at + whole.length + 2) === "\\}") return whole;
    names.push(name);
    return "(.+?)";
  });
  return { key, names, pattern: new RegExp(source) };
});

export function translate(text: string, language: MessageLanguage): string {
  if (language === "en") return text;
  const target = CATALOG[language];
  const exact = EXACT.get(text);
  if (exact) return target[exact];
  let out = text;
  // A round's introduction is a fixed sentence and, maybe, the assumptions: translate each part.
  for (const key of ["firstRound", "nextRound"] as const) out = out.replace(EN[key], target[key]);
  for (const { key, names, pattern } of TEMPLATES) {
    out = out.replace(pattern, (...match: string[]) =>
      fill(target[key], Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ""]))),
    );
  }
  return out;
}

export function localizeReply(english: EngineReply, language: MessageLanguage): EngineReply {
  const reply = { ...english, language };
  if (language === "en") return reply;
  switch (reply.kind) {
    case "notice":
      return { ...reply, text: translate(reply.text, language) };
    case "error":
      return { ...reply, message: translate(reply.message, language) };
    case "questions":
      return { ...reply, intro: translate(reply.intro, language) };
    default:
      return reply;
  }
}
