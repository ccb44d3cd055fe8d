/**
 * Plain-text rendering of engine replies for the terminal chat. stdout carries only the
 * conversation: each prompt version sits between `--- prompt vN ---` and `--- end ---`.
 */
import type { Step } from "../../core/conversation.js";
import type { ChecklistItem, DiffLine, EngineReply, Progress, QuestionView } from "../../core/engine-api.js";
import { fill } from "../../core/messages/catalog.js";
import { type ControlLabelKey, type ControlLabels, controlLabels } from "../../core/messages/control-labels.js";

export type PromptReply = Extract<EngineReply, { kind: "prompt" }>;

/** The line before a prompt version's text. */
export const promptHeader = (version: number): string => `--- prompt v${version} ---`;
/** The line after it: the text between the two is exactly the prompt. */
export const PROMPT_END = "--- end ---";

export function renderTerminalReply(reply: EngineReply): string {
  switch (reply.kind) {
    case "questions":
      return renderQuestions(reply.intro, reply.questions, reply.closed === true, controlLabels(reply.language));
    case "prompt":
      return [promptHeader(reply.version), reply.text, PROMPT_END, renderPromptTrailer(reply)].join("\n");
    case "error":
      // The typed word (retry) stays English inside the reply's language, as in the message catalog.
      return `! ${reply.message}${reply.retry ? ` (${controlLabels(reply.language).terminalRetry})` : ""}`;
    case "notice":
      return reply.text;
  }
}

/**
 * What follows a prompt's end line: the checklist, the assumptions, what was added back, what to do
 * next, in the reply's language (capability ids, the `[pinned]`-style tags and the typed command words stay as they are).
 */
export function renderPromptTrailer(reply: PromptReply): string {
  const labels = controlLabels(reply.language);
  const lines: string[] = [];
  if (reply.checklist.length) lines.push(labels.capabilitiesHeading, ...renderChecklist(reply.checklist, labels));
  if (reply.assumptions.length) lines.push(labels.assumptionsSayHeading, ...reply.assumptions.map((a) => `  - ${a}`));
  if (reply.repaired.length) lines.push(fill(labels.addedBack, { values: reply.repaired.join("; ") }));
  if (reply.changes) lines.push(...renderChanges(reply.version, reply.changes, labels));
  lines.push(labels.terminalNext);
  return lines.join("\n");
}

/** Pinned first, then assumed, each with its value; the open ones on one line. */
function renderChecklist(items: readonly ChecklistItem[], labels: ControlLabels): string[] {
  const valued = (status: ChecklistItem["status"]) =>
    items
      .filter((i) => i.status === status)
      .map((i) => `  [${status}] ${i.capability}${i.value ? `: ${i.value}` : ""}${marks(i, labels)}`);
  const open = items.filter((i) => i.status === "open").map((i) => i.capability);
  return [...valued("pinned"), ...valued("assumed"), ...(open.length ? [`  [open] ${open.join(", ")}`] : [])];
}

const marks = (item: ChecklistItem, labels: ControlLabels): string =>
  `${item.source === "default" ? ` (${labels.fromDefaults})` : ""}${item.changed ? ` (${labels.changed})` : ""}`;

/** What a refinement changed, line by line: `+` added, `-` removed; its words in the reply's language. */
function renderChanges(version: number, changes: readonly DiffLine[], labels: ControlLabels): string[] {
  if (changes.length === 0) return [fill(labels.nothingChangedFrom, { version: version - 1 })];
  const heading = fill(labels.changesFrom, { version: version - 1 });
  return [heading, ...changes.map((c) => `  ${c.op === "added" ? "+" : "-"} ${c.text}`)];
}

/** The round's questions and options; the fixed words (hint, "not answered") in the labels' language, `skip` as typed. */
function renderQuestions(
  intro: string,
  questions: readonly QuestionView[],
  closed: boolean,
  labels: ControlLabels,
): string {
  // A round that is over shows its answers; a question it never got an answer to just says so.
  if (closed)
    return questions.map((q, i) => `Q${i + 1}. ${q.text} -> ${q.answer ?? `(${labels.notAnswered})`}`).join("\n");
  const open = questions.filter((q) => q.answer === undefined);
  // The instructions go with a fresh round; later the round is shown with its answers so far.
  const lines = intro && open.length === questions.length ? [intro] : [];
  for (const [index, question] of questions.entries()) {
    if (question.answer !== undefined) {
      lines.push(`Q${index + 1}. ${question.text} -> ${question.answer}`);
      continue;
    }
    lines.push(`Q${index + 1}. ${question.text}`);
    question.options.forEach((option, i) => {
      lines.push(`  ${i + 1}) ${option}`);
    });
  }
  if (open.length) {
    lines.push(
      open.length > 1
        ? fill(labels.terminalAnswerMany, { example: open.map(() => "1").join(" ") })
        : labels.terminalAnswerOne,
    );
  }
  return lines.join("\n");
}

const STEP_LABEL: Readonly<Record<Step, ControlLabelKey>> = {
  analyse: "terminalStepAnalyse",
  integrate: "terminalStepIntegrate",
  synthesize: "terminalStepSynthesize",
  refine: "terminalStepRefine",
};

/** The progress line (stderr), in the conversation's language; English names the step by its id. */
export function renderTerminalProgress(progress: Progress): string {
  const labels = controlLabels(progress.language);
  return progress.kind === "queued"
    ? `(${fill(labels.terminalQueued, { position: progress.position })})`
    : `(${fill(labels.terminalWorking, { step: labels[STEP_LABEL[progress.step]] })})`;
}
