/**
 * Plain-text rendering of engine replies for the terminal chat. stdout carries only the
 * conversation: each prompt version sits between `--- prompt vN ---` and `--- end ---`.
 */
import type { ChecklistItem, DiffLine, EngineReply, Progress, QuestionView } from "../../core/engine-api.js";
import { fill, type MessageLanguage } from "../../core/messages/catalog.js";
import { controlLabels } from "../../core/messages/control-labels.js";

export type PromptReply = Extract<EngineReply, { kind: "prompt" }>;

/** The line before a prompt version's text. */
export const promptHeader = (version: number): string => `--- prompt v${version} ---`;
/** The line after it: the text between the two is exactly the prompt. */
export const PROMPT_END = "--- end ---";

export function renderTerminalReply(reply: EngineReply): string {
  switch (reply.kind) {
    case "questions":
      return renderQuestions(reply.intro, reply.questions, reply.closed === true);
    case "prompt":
      return [promptHeader(reply.version), reply.text, PROMPT_END, renderPromptTrailer(reply)].join("\n");
    case "error":
      return `! ${reply.message}${reply.retry ? " (type retry to try again)" : ""}`;
    case "notice":
      return reply.text;
  }
}

/** What follows a prompt's end line: the checklist, the assumptions, what was added back, what to do next. */
export function renderPromptTrailer(reply: PromptReply): string {
  const lines: string[] = [];
  if (reply.checklist.length) lines.push("Capabilities:", ...renderChecklist(reply.checklist));
  if (reply.assumptions.length)
    lines.push("Assumptions (say so to correct one):", ...reply.assumptions.map((a) => `  - ${a}`));
  if (reply.repaired.length) lines.push(`Added back to the prompt: ${reply.repaired.join("; ")}`);
  if (reply.changes) lines.push(...renderChanges(reply.version, reply.changes, reply.language));
  lines.push('Type a refinement ("shorter", "for a 5th grader"), or new, forget, help.');
  return lines.join("\n");
}

/** Pinned first, then assumed, each with its value; the open ones on one line. */
function renderChecklist(items: readonly ChecklistItem[]): string[] {
  const valued = (status: ChecklistItem["status"]) =>
    items
      .filter((i) => i.status === status)
      .map((i) => `  [${status}] ${i.capability}${i.value ? `: ${i.value}` : ""}${marks(i)}`);
  const open = items.filter((i) => i.status === "open").map((i) => i.capability);
  return [...valued("pinned"), ...valued("assumed"), ...(open.length ? [`  [open] ${open.join(", ")}`] : [])];
}

const marks = (item: ChecklistItem): string =>
  `${item.source === "default" ? " (channel default)" : ""}${item.changed ? " (changed)" : ""}`;

/** What a refinement changed, line by line: `+` added, `-` removed; the heading in the reply's language. */
function renderChanges(version: number, changes: readonly DiffLine[], language: MessageLanguage | undefined): string[] {
  if (changes.length === 0) return [`Nothing changed from v${version - 1}.`];
  const heading = fill(controlLabels(language).changesFrom, { version: version - 1 });
  return [heading, ...changes.map((c) => `  ${c.op === "added" ? "+" : "-"} ${c.text}`)];
}

function renderQuestions(intro: string, questions: readonly QuestionView[], closed: boolean): string {
  // A round that is over shows its answers; a question it never got an answer to just says so.
  if (closed) return questions.map((q, i) => `Q${i + 1}. ${q.text} -> ${q.answer ?? "(not answered)"}`).join("\n");
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
        ? `Answer with numbers in order (e.g. ${open.map(() => "1").join(" ")}), in your own words, or skip.`
        : "Answer with a number, in your own words, or skip.",
    );
  }
  return lines.join("\n");
}

export function renderTerminalProgress(progress: Progress): string {
  return progress.kind === "queued"
    ? `(waiting for the model: position ${progress.position})`
    : `(working: ${progress.step}…)`;
}
