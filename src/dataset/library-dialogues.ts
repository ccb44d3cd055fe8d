/**
 * Library mode: dialogues built from the library alone. An exemplar's intent (or, in German,
 * Spanish and French, the kit's phrase for the domain) is varied with rephrasing frames and stated
 * preferences; the targets follow from the exemplar: its domain, the stated values as pinned quotes,
 * questions about its capabilities with its options, the answers pinned, its tailored prompt with
 * the pinned values placed. It teaches the call formats and the library's style, not new knowledge.
 */
import type { CapabilityId } from "../core/conversation.js";
import type { Domain, Exemplar } from "../core/library.js";
import { checkAnswer } from "./check-answer.js";
import { Dialogue, type EngineContext, engineLanguage } from "./engine-calls.js";
import { type ExampleLine, exampleLine, type StepName, type UserTurn } from "./example-line.js";
import { fill, kitCapabilities, type LanguageKit } from "./language-kits.js";
import { type PinnedValue, placeValues, refinePrompt, skeletonPrompt } from "./prompt-targets.js";
import type { Rng } from "./rng.js";

export type DialogueOutcome =
  | { ok: true; intent: string; lines: ExampleLine[] }
  | { ok: false; reason: string; intent?: string };

interface CapabilityChoice {
  id: CapabilityId;
  options: string[];
  /** The exemplar names it as one that matters (extras come from the kit). */
  main: boolean;
}

const MAX_OPTION_CHARS = 80;
const GENERIC = new Set<CapabilityId>(["tone", "length", "format", "avoid", "examples"]);
const normalized = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

/** Mid-sentence an option reads lowercased ("Formal" → "formal"), but not an acronym or a name. */
const inline = (value: string) => (/^[A-Z][a-z]/.test(value) ? value.charAt(0).toLowerCase() + value.slice(1) : value);

function capabilityChoices(exemplar: Exemplar, kit: LanguageKit, english: boolean): CapabilityChoice[] {
  const fromKit = kitCapabilities(kit);
  const main: CapabilityChoice[] = exemplar.capabilities.flatMap((c) => {
    if (english) return [{ id: c.id, options: c.options.filter((o) => o.length <= MAX_OPTION_CHARS), main: true }];
    const options = kit.values[c.id];
    return options ? [{ id: c.id, options, main: true }] : [];
  });
  // Extras fit any domain (a tone, a length); an audience or a goal from the kit would not.
  const extras = fromKit
    .filter((id) => GENERIC.has(id) && !main.some((c) => c.id === id))
    .map((id) => ({ id, options: kit.values[id] ?? [], main: false }));
  return [...main.filter((c) => c.options.length >= 2), ...extras];
}

export interface LibraryCell {
  domain: Domain;
  language: string;
}

export function libraryDialogue(
  engine: EngineContext,
  kits: Record<string, LanguageKit>,
  cell: LibraryCell,
  rng: Rng,
  id: string,
): DialogueOutcome {
  const english = cell.language === "en";
  const kit = kits[cell.language];
  if (!kit) return { ok: false, reason: `no language kit for ${cell.language}` };
  const task = english ? undefined : kit.tasks?.[cell.domain.id];
  if (!english && !task) return { ok: false, reason: `no ${cell.language} task phrase for the domain` };
  const exemplar = rng.pick(cell.domain.exemplars);
  // An exemplar whose prompt folds in a question round's answers is only used with those answers:
  // its prompt states facts the user must have given.
  const withAnswers = english && exemplar.answers !== undefined;

  const choices = capabilityChoices(exemplar, kit, english);
  const mains = choices.filter((c) => c.main);
  const specific = !withAnswers && rng.chance(0.25);
  const pinCount = withAnswers ? 0 : specific ? Math.max(2, mains.length - 1) : rng.int(2);
  const pinnable = specific ? mains : choices.filter((c) => !c.main || rng.chance(0.5));
  const stated = rng.sample(pinnable, pinCount).map((c) => ({ id: c.id, value: inline(rng.pick(c.options)) }));
  if (specific && rng.chance(0.3)) {
    const extra = choices.find((c) => !c.main && !stated.some((s) => s.id === c.id));
    if (extra) stated.push({ id: extra.id, value: inline(rng.pick(extra.options)) });
  }

  let intent = fill(rng.pick(kit.frames), { task: english ? exemplar.intent : (task as string) });
  for (const s of stated) {
    intent = fill(rng.pick(kit.preferenceFrames), { intent, value: s.value, label: kit.labels[s.id] });
  }
  const detected = engineLanguage(intent);
  if (detected !== cell.language) return { ok: false, reason: "language detected differently", intent };

  // Questions: the exemplar's capabilities the intent leaves open (2 or 3), or its answered round.
  const statedIds = new Set(stated.map((s) => s.id));
  const open = mains.filter((c) => !statedIds.has(c.id));
  const questionText = (cap: CapabilityId) =>
    english ? engine.capabilities.find((c) => c.id === cap)?.question : kit.questions?.[cap];
  let questions: { capability: CapabilityId; question: string; options: string[] }[];
  if (withAnswers) {
    // One question per capability (the engine keeps one); the free-text answer still gives them all.
    const firstPerCapability = (exemplar.answers ?? []).filter(
      (a, i, all) => all.findIndex((b) => b.capability === a.capability) === i,
    );
    questions = firstPerCapability.map((a) => ({
      capability: a.capability,
      question: a.question,
      options: (
        exemplar.capabilities.find((c) => c.id === a.capability)?.options ??
        engine.capabilities.find((c) => c.id === a.capability)?.options ??
        []
      ).slice(0, 5),
    }));
  } else if (open.length >= 2 && !specific) {
    questions = rng.sample(open, Math.min(open.length, 2 + rng.int(2))).flatMap((c) => {
      const question = questionText(c.id);
      return question ? [{ capability: c.id, question, options: c.options.slice(0, 5) }] : [];
    });
    if (questions.length < 2) questions = [];
  } else questions = [];
  const askedIds = new Set(questions.map((q) => q.capability));
  const assumed = open
    .filter((c) => !askedIds.has(c.id))
    .slice(0, rng.chance(0.5) ? 1 : 0)
    .map((c) => ({ capability: c.id, value: c.options[0] as string }));

  const dialogue = new Dialogue(engine, intent, id);
  const lines: ExampleLine[] = [];
  const takeBefore = () => {
    const taken = before;
    before = undefined;
    return taken;
  };
  let before: UserTurn | undefined;
  const meta = (step: StepName) => ({
    before: takeBefore(),
    step,
    domain: cell.domain.id,
    language: cell.language,
    dialogue: id,
    source: "library" as const,
    intent,
  });

  const analyse = dialogue.analyseSpec();
  const analysed = checkAnswer(
    analyse,
    {
      domain: cell.domain.id,
      pinned: stated.map((s) => ({ capability: s.id, quote: s.value })),
      assumed,
      questions,
    },
    { strict: true },
  );
  if (!analysed.ok) return { ok: false, reason: `analyse: ${analysed.reason}`, intent };
  lines.push(exampleLine(analyse, analysed.target, meta("analyse")));

  if (dialogue.applyAnalyse(analysed.value)) {
    const picks = questions.map((q) => rng.pick(q.options));
    const mode = withAnswers ? "answers" : rng.pick(["options", "options", "text", "text", "partial", "skip"] as const);
    if (mode === "options") {
      dialogue.answerWithOptions(picks);
      before = { kind: "options", options: picks };
    } else if (mode === "skip") {
      dialogue.skip();
      before = { kind: "skip" };
    } else {
      const given =
        mode === "answers"
          ? (exemplar.answers ?? []).map((a) => ({ capability: a.capability, value: a.answer }))
          : questions
              .map((q, i) => ({ capability: q.capability, value: picks[i] as string }))
              .slice(0, mode === "partial" ? Math.max(1, questions.length - 1) : questions.length);
      const list = given
        .map((g) => (mode === "answers" ? g.value : inline(g.value)))
        .join(mode === "answers" ? "; " : ", ");
      const text = fill(mode === "partial" ? kit.partialFrame : rng.pick(kit.answerFrames), { answers: list });
      dialogue.answerWithText(text);
      before = { kind: "text", text };
      const integrate = dialogue.integrateSpec();
      const integrated = checkAnswer(
        integrate,
        {
          pinned: given.map((g) => ({
            capability: g.capability,
            value: mode === "answers" ? g.value : inline(g.value),
          })),
          more_questions: [],
        },
        { strict: true },
      );
      if (!integrated.ok) return { ok: false, reason: `integrate: ${integrated.reason}`, intent };
      lines.push(exampleLine(integrate, integrated.target, meta("integrate")));
      if (dialogue.applyIntegrate(integrated.value))
        return { ok: false, reason: "integrate: asked another round", intent };
    }
  }

  const synthesize = dialogue.synthesizeSpec();
  const pins: PinnedValue[] = dialogue.pinned;
  const assumptions = dialogue.assumed.map((a) => `${kit.labels[a.capability]}: ${a.value}`).slice(0, 8);
  const prompt = english
    ? placeValues(
        exemplar.prompt,
        pins.filter((p) => !normalized(exemplar.prompt).includes(normalized(p.value))),
        kit,
      )
    : skeletonPrompt(task as string, pins, kit);
  if (!prompt) return { ok: false, reason: `no ${cell.language} prompt skeleton`, intent };
  const synthesized = checkAnswer(synthesize, { prompt, assumptions, corrections: [] }, { strict: true });
  if (!synthesized.ok) return { ok: false, reason: `synthesize: ${synthesized.reason}`, intent };
  if (dialogue.applySynthesize(synthesized.value).repaired.length > 0) {
    return { ok: false, reason: "synthesize: alignment check added a pinned value back", intent };
  }
  lines.push(exampleLine(synthesize, synthesized.target, meta("synthesize")));

  if (rng.chance(0.3)) {
    const refinable = kitCapabilities(kit).filter((c) => c !== "context" && c !== "language");
    const capability = rng.pick(refinable);
    const current = dialogue.pinned.filter((p) => p.capability === capability).map((p) => p.value);
    const candidates = (kit.values[capability] ?? []).filter(
      (v) => !current.some((c) => normalized(c) === normalized(v)),
    );
    if (candidates.length > 0) {
      const value = rng.pick(candidates);
      const request = fill(rng.pick(kit.refineFrames), { value });
      const refine = dialogue.refineSpec(request);
      before = { kind: "request", text: request };
      const previous = dialogue.lastModelText;
      const refined = checkAnswer(
        refine,
        {
          prompt: refinePrompt(previous, { capability, value }, current, kit),
          assumptions,
          corrections: [{ capability, value }],
        },
        { strict: true },
      );
      if (!refined.ok) return { ok: false, reason: `refine: ${refined.reason}`, intent };
      if (dialogue.applyRefine(refined.value).repaired.length > 0) {
        return { ok: false, reason: "refine: alignment check added a pinned value back", intent };
      }
      lines.push(exampleLine(refine, refined.target, meta("refine")));
    }
  }
  return { ok: true, intent, lines };
}
