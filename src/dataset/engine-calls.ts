/**
 * The one place the dataset touches the engine: its library, its retriever, its call builders, its
 * validators, its state transitions and its alignment check. A training example is the call the
 * engine would send at that point of a conversation, built by the engine's own code, never a copy
 * of its texts. When the engine's calls change, this file is what follows them.
 */
import { supersedeQuantities } from "../core/capabilities/pin-values.js";
import type { CapabilityId, Conversation, Question } from "../core/conversation.js";
import {
  allQuestions,
  newConversation,
  pinFromUserText,
  setCapability,
  startRound,
} from "../core/engine/conversation-state.js";
import { DEFAULT_LIMITS } from "../core/engine/engine-deps.js";
import { detectLanguage } from "../core/language/detect-language.js";
import { loadLibrary } from "../core/library/load-library.js";
import type { CapabilityDefinition, Domain } from "../core/library.js";
import type { AnalyseAnswer } from "../core/model-calls/analyse-call.js";
import type { CallSpec } from "../core/model-calls/call-model.js";
import {
  analyseSpec,
  type CallLibrary,
  chosenDomain,
  finishPrompt,
  integrateSpec,
  stripAppendix,
  synthesizeSpec,
} from "../core/model-calls/conversation-calls.js";
import type { IntegrateAnswer } from "../core/model-calls/integrate-call.js";
import { splitMaterial } from "../core/model-calls/split-material.js";
import type { SynthesizeAnswer } from "../core/model-calls/synthesize-call.js";
import { createRetriever } from "../core/retrieval/create-retriever.js";

export type { AnalyseAnswer, IntegrateAnswer, SynthesizeAnswer };
export type AnySpec = CallSpec<AnalyseAnswer> | CallSpec<IntegrateAnswer> | CallSpec<SynthesizeAnswer>;

export interface EngineContext {
  domains: Domain[];
  capabilities: CapabilityDefinition[];
  deps: CallLibrary;
}

export function loadEngineContext(): EngineContext {
  const library = loadLibrary();
  return {
    domains: library.domains,
    capabilities: library.capabilities,
    deps: { retriever: createRetriever(library.domains), capabilities: library.capabilities },
  };
}

/** The language code the engine detects for an intent (it names that language in its calls). */
export const engineLanguage = (intent: string): string | null => detectLanguage(splitMaterial(intent).request);

/** The answer's JSON as the call's schema lays it out (keys in schema order), from a validated value. */
export const schemaShaped = {
  analyse: (a: AnalyseAnswer) => ({
    domain: a.domain,
    pinned: a.pinned.map((p) => ({ capability: p.capability, quote: p.value })),
    assumed: a.assumed.map((x) => ({ capability: x.capability, value: x.value })),
    questions: a.questions.map((q) => ({ capability: q.capability, question: q.question, options: q.options })),
  }),
  integrate: (a: IntegrateAnswer) => ({
    pinned: a.pinned.map((p) => ({ capability: p.capability, value: p.value })),
    more_questions: a.moreQuestions.map((q) => ({
      capability: q.capability,
      question: q.question,
      options: q.options,
    })),
  }),
  synthesize: (a: SynthesizeAnswer) => ({
    prompt: a.prompt,
    assumptions: a.assumptions,
    corrections: a.corrections.map((c) => ({ capability: c.capability, value: c.value })),
  }),
};

/**
 * One conversation driven through the engine's own transitions (as in core/engine/model-steps.ts),
 * without a store or a model: each step returns the call the engine would send, and the matching
 * `apply…` moves the record on with the answer.
 */
export class Dialogue {
  readonly conversation: Conversation;

  constructor(
    private readonly engine: EngineContext,
    intent: string,
    id: string,
  ) {
    this.conversation = newConversation(
      { platform: "terminal", workspace: "dataset", channel: "dataset", thread: id },
      { id: "dataset" },
      intent,
      "2026-01-01T00:00:00.000Z",
    );
  }

  get questions(): readonly Question[] {
    return this.conversation.questions;
  }

  get round(): number {
    return this.conversation.round;
  }

  /** The pinned values the prompt must carry (the alignment check's input). */
  get pinned(): { capability: CapabilityId; value: string }[] {
    return this.conversation.capabilities
      .filter((c) => c.status === "pinned" && c.value)
      .map((c) => ({ capability: c.id, value: c.value ?? "" }));
  }

  get assumed(): { capability: CapabilityId; value: string }[] {
    return this.conversation.capabilities
      .filter((c) => c.status === "assumed" && c.value)
      .map((c) => ({ capability: c.id, value: c.value ?? "" }));
  }

  analyseSpec(): CallSpec<AnalyseAnswer> {
    return analyseSpec(this.conversation, this.engine.deps);
  }

  /** Returns whether a question round starts (otherwise synthesize comes next). */
  applyAnalyse(answer: AnalyseAnswer): boolean {
    const c = this.conversation;
    c.domain = chosenDomain(answer, c, this.engine.deps);
    for (const p of answer.pinned) setCapability(c, p.capability, "pinned", p.value, "intent");
    for (const a of answer.assumed) setCapability(c, a.capability, "assumed", a.value, "model");
    const questions = answer.questions.slice(0, DEFAULT_LIMITS.maxQuestions);
    if (questions.length === 0) return false;
    startRound(c, questions);
    return true;
  }

  /** Every question answered with a control: pinned without a model call. */
  answerWithOptions(options: readonly string[]): void {
    this.conversation.questions.forEach((q, i) => {
      const option = options[i];
      if (option === undefined || q.answer !== undefined) return;
      q.answer = option;
      q.answeredBy = "option";
      setCapability(this.conversation, q.capability, "pinned", option, "answer");
    });
  }

  /** One free-text message answers every open question of the round; integrate sorts it out. */
  answerWithText(text: string): void {
    for (const q of this.conversation.questions.filter((q) => q.answer === undefined)) {
      q.answer = text;
      q.answeredBy = "text";
    }
    this.conversation.pending.push(text);
  }

  skip(): void {
    for (const q of this.conversation.questions.filter((q) => q.answer === undefined)) {
      q.answer = "skipped";
      q.answeredBy = "skip";
    }
  }

  get needsIntegrate(): boolean {
    const c = this.conversation;
    return c.pending.length > 0 || c.questions.some((q) => q.answeredBy === "text");
  }

  get mayAskMore(): boolean {
    return this.conversation.round < DEFAULT_LIMITS.maxRounds;
  }

  integrateSpec(): CallSpec<IntegrateAnswer> {
    return integrateSpec(this.conversation, this.engine.deps, this.mayAskMore);
  }

  /** Returns whether another round starts. */
  applyIntegrate(answer: IntegrateAnswer): boolean {
    const c = this.conversation;
    const mayAskMore = this.mayAskMore;
    const answersText = [...c.questions.map((q) => q.answer ?? ""), ...c.pending].join("\n");
    for (const p of answer.pinned) pinFromUserText(c, p, answersText, "answer");
    c.pending = [];
    const pinnedIds = new Set(this.pinned.map((p) => p.capability));
    const more = answer.moreQuestions.filter((q) => !pinnedIds.has(q.capability)).slice(0, DEFAULT_LIMITS.maxQuestions);
    if (!mayAskMore || more.length === 0) return false;
    startRound(c, more);
    return true;
  }

  synthesizeSpec(): CallSpec<SynthesizeAnswer> {
    const c = this.conversation;
    return synthesizeSpec(c, this.engine.deps, { questions: allQuestions(c), freeText: c.pending });
  }

  /** The version the user would get, and the pinned values the alignment check had to add back. */
  applySynthesize(answer: SynthesizeAnswer): { prompt: string; repaired: string[] } {
    return this.addVersion(answer);
  }

  refineSpec(request: string): CallSpec<SynthesizeAnswer> {
    const c = this.conversation;
    c.pending = [request];
    return synthesizeSpec(c, this.engine.deps, {
      questions: allQuestions(c),
      freeText: [],
      previous: this.lastModelText,
      request,
    });
  }

  /** The model's part of the latest version (without the engine's appendix): what a refinement sees. */
  get lastModelText(): string {
    return stripAppendix(this.conversation.versions.at(-1)?.text ?? "");
  }

  applyRefine(answer: SynthesizeAnswer): { prompt: string; repaired: string[] } {
    const c = this.conversation;
    const request = c.pending.join("\n");
    for (const correction of answer.corrections) pinFromUserText(c, correction, request, "correction");
    supersedeQuantities(c, request);
    return this.addVersion(answer, request);
  }

  private addVersion(answer: SynthesizeAnswer, request?: string): { prompt: string; repaired: string[] } {
    const c = this.conversation;
    const finished = finishPrompt(answer.prompt, c, request);
    c.versions.push({
      version: c.versions.length + 1,
      text: finished.prompt,
      assumptions: answer.assumptions,
      repaired: finished.repaired,
      ...(request !== undefined ? { request } : {}),
      createdAt: c.createdAt,
    });
    c.pending = [];
    return finished;
  }
}
