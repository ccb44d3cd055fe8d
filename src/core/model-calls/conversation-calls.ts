/**
 * The three calls built from a conversation record: the intent's language, the pasted material
 * (kept out of the calls, attached to the prompt verbatim), the library's shared context, and the
 * chosen domain's exemplars and rails. The engine's steps call these and stay about state.
 */
import { verifyAlignment } from "../alignment/verify-alignment.js";
import type { Conversation, Question } from "../conversation.js";
import { detectLanguage } from "../language/detect-language.js";
import { languageName } from "../language/language-names.js";
import type { CapabilityDefinition, Retriever } from "../library.js";
import { type AnalyseAnswer, analyseCall, OTHER_DOMAIN } from "./analyse-call.js";
import type { LibraryContext } from "./call-inputs.js";
import type { CallSpec } from "./call-model.js";
import { type IntegrateAnswer, integrateCall } from "./integrate-call.js";
import { excerpt, MATERIAL_HEADING, materialBlock, splitMaterial } from "./split-material.js";
import { type SynthesizeAnswer, synthesizeCall } from "./synthesize-call.js";

export interface CallLibrary {
  retriever: Retriever;
  capabilities: readonly CapabilityDefinition[];
}

/** Domains offered to analyse as lexical hints. */
const HINTS = 2;

const libraryContext = (lib: CallLibrary): LibraryContext => ({
  catalog: lib.capabilities,
  domains: lib.retriever.summaries(),
});

/** What the calls see of the intent: the request, and a bounded excerpt of any pasted material. */
function callIntent(intent: string): { text: string; hasMaterial: boolean } {
  const { request, material } = splitMaterial(intent);
  return material
    ? { text: `${request}\n\n${excerpt(material)}`, hasMaterial: true }
    : { text: intent, hasMaterial: false };
}

export const intentLanguage = (conversation: Pick<Conversation, "intent">): string =>
  languageName(detectLanguage(splitMaterial(conversation.intent).request) ?? undefined);

export function analyseSpec(conversation: Conversation, lib: CallLibrary): CallSpec<AnalyseAnswer> {
  const intent = callIntent(conversation.intent).text;
  const hints = lib.retriever.domains(intent, HINTS).map((d) => lib.retriever.guide(d.domain, intent));
  return analyseCall({ intent, library: libraryContext(lib), hints, language: intentLanguage(conversation) });
}

/** A lexical top score this high means the intent names its domain's own words ("recipe", "cover letter"). */
export const CONFIDENT_LEXICAL_SCORE = 4;

/**
 * The model chooses the domain (it works in any language), unless keyword search is confident and
 * the model's choice is none of its top three: small models copy the worked example's domain
 * (measured with SmolLM2-135M), and a confident keyword match is rarely wrong. "other" falls back
 * on any lexical match.
 */
export function chosenDomain(answer: AnalyseAnswer, conversation: Conversation, lib: CallLibrary): string {
  const lexical = lib.retriever.domains(callIntent(conversation.intent).text, 3);
  const top = lexical[0];
  if (!answer.domain || answer.domain === OTHER_DOMAIN) return top?.domain ?? OTHER_DOMAIN;
  const agrees = lexical.some((d) => d.domain === answer.domain);
  return !agrees && top && top.score >= CONFIDENT_LEXICAL_SCORE ? top.domain : answer.domain;
}

export function integrateSpec(
  conversation: Conversation,
  lib: CallLibrary,
  mayAskMore: boolean,
): CallSpec<IntegrateAnswer> {
  return integrateCall({
    intent: callIntent(conversation.intent).text,
    capabilities: conversation.capabilities,
    questions: conversation.questions,
    freeText: conversation.pending,
    mayAskMore,
    library: libraryContext(lib),
    language: intentLanguage(conversation),
  });
}

export function synthesizeSpec(
  conversation: Conversation,
  lib: CallLibrary,
  input: { questions: readonly Question[]; freeText: readonly string[]; previous?: string; request?: string },
): CallSpec<SynthesizeAnswer> {
  const intent = callIntent(conversation.intent);
  return synthesizeCall({
    intent: intent.text,
    capabilities: conversation.capabilities,
    questions: input.questions,
    freeText: input.freeText,
    guide: lib.retriever.guide(conversation.domain ?? OTHER_DOMAIN, intent.text),
    library: libraryContext(lib),
    language: intentLanguage(conversation),
    hasMaterial: intent.hasMaterial,
    ...(input.previous !== undefined ? { previous: input.previous, request: input.request ?? "" } : {}),
  });
}

/** Where the engine's own appendix starts: the user's words, then any pasted material. */
const APPENDIX = "\n\n---\nThe user's own words (later lines take precedence):";

/**
 * The version the user gets: the alignment check on the model's text, then the user's own words
 * verbatim (the request and each refinement: whatever the model dropped, the target model still
 * reads what was asked) and the pasted material.
 */
export function finishPrompt(
  modelText: string,
  conversation: Conversation,
  refinement?: string,
): { prompt: string; repaired: string[] } {
  const { request, material } = splitMaterial(conversation.intent);
  const aligned = verifyAlignment(stripAppendix(modelText), conversation.capabilities);
  const words = [request, ...conversation.versions.flatMap((v) => (v.request ? [v.request] : [])), refinement]
    .filter((w): w is string => Boolean(w?.trim()))
    .map((w) => w.trim());
  const appendix = `${APPENDIX}\n"""\n${words.join("\n")}\n"""${material ? materialBlock(material) : ""}`;
  return { prompt: `${aligned.prompt}${appendix}`, repaired: aligned.repaired };
}

/** The model's part of a version (a refinement sees it without the appendix; the model may echo one back). */
export function stripAppendix(text: string): string {
  const at = text.indexOf(APPENDIX);
  const material = text.indexOf(MATERIAL_HEADING);
  const cut = [at, material].filter((i) => i >= 0);
  return cut.length ? text.slice(0, Math.min(...cut)).trimEnd() : text;
}
