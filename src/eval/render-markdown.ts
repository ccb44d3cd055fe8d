/**
 * The report as compact Markdown for the README: one summary table (a column per split, then
 * "all"), then what failed and which input lines could not run.
 */
import type { Report, Summary, WinTieLoss } from "./report-types.js";

/** Shown where nothing was there to measure. */
export const MISSING = "–";

interface Row {
  label: string;
  cell: (summary: Summary) => string;
}

const share = (value: number | null) => (value === null ? MISSING : `${(value * 100).toFixed(1)} %`);
const plain = (value: number | null) => (value === null ? MISSING : String(value));
const tally = (value: WinTieLoss | undefined) =>
  value === undefined ? MISSING : `${value.win} / ${value.tie} / ${value.loss}`;

const ROWS: readonly Row[] = [
  { label: "intents", cell: (s) => plain(s.intents) },
  { label: "completed", cell: (s) => plain(s.completed) },
  { label: "failures", cell: (s) => plain(s.failures) },
  { label: "retention before repair", cell: (s) => share(s.retention_before_repair) },
  { label: "retention after repair", cell: (s) => share(s.retention_after_repair) },
  { label: "repairs/prompt", cell: (s) => plain(s.repairs_per_prompt) },
  { label: "domain top-1", cell: (s) => share(s.domain_top1) },
  { label: "language match", cell: (s) => share(s.language_match) },
  { label: "calls/prompt", cell: (s) => plain(s.calls_per_prompt) },
  { label: "retries/prompt", cell: (s) => plain(s.retries_per_prompt) },
  { label: "questions/prompt", cell: (s) => plain(s.questions_per_prompt) },
  { label: "prompt tokens", cell: (s) => plain(s.prompt_tokens_per_prompt) },
  { label: "prompt tokens evaluated/prompt", cell: (s) => plain(s.prompt_tokens_evaluated_per_prompt) },
  { label: "reused/prompt", cell: (s) => plain(s.prompt_tokens_reused_per_prompt) },
  { label: "generated/prompt", cell: (s) => plain(s.generated_tokens_per_prompt) },
  { label: "s per call p50", cell: (s) => plain(s.seconds_per_call_p50) },
  { label: "s to first reply p50", cell: (s) => plain(s.seconds_to_first_reply_p50) },
  { label: "s to prompt p50", cell: (s) => plain(s.seconds_to_prompt_p50) },
];

/** Win / tie / loss rows, shown only when the run was judged. */
const JUDGE_ROWS: readonly Row[] = [
  { label: "judge vs raw (win / tie / loss)", cell: (s) => tally(s.judge?.vs_raw) },
  { label: "judge vs CoT (win / tie / loss)", cell: (s) => tally(s.judge?.vs_cot) },
];

export function renderMarkdown(report: Report): string {
  const columns: [string, Summary][] = [...Object.entries(report.splits), ["all", report.summary]];
  const rows = report.summary.judge === null ? ROWS : [...ROWS, ...JUDGE_ROWS];
  const lines = [
    `# PromptTailor evaluation: ${inline(report.model)}, ${dateOf(report.created_at)}`,
    "",
    `Intents: \`${inline(report.intents_file)}\`.`,
    "",
    tableRow(["", ...columns.map(([name]) => name)]),
    tableRow(["---", ...columns.map(() => "---:")]),
    ...rows.map((row) => tableRow([row.label, ...columns.map(([, summary]) => row.cell(summary))])),
  ];

  const failed = report.intents.filter((result) => result.failure !== null);
  if (failed.length > 0) {
    lines.push("", "## Failures", "");
    for (const { id, failure } of failed) lines.push(`- \`${inline(id)}\`: ${inline(failure?.message ?? "")}`);
  }
  if (report.invalid_lines.length > 0) {
    lines.push("", "## Invalid input lines", "");
    for (const { line, message } of report.invalid_lines) lines.push(`- line ${line}: ${inline(message)}`);
  }
  return `${lines.join("\n")}\n`;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
}

/** The calendar day of an ISO timestamp; anything else is shown as written. */
function dateOf(createdAt: string): string {
  return /^\d{4}-\d{2}-\d{2}/.exec(createdAt)?.[0] ?? inline(createdAt);
}

/** Error messages may span lines or hold backticks; one list item must stay one line. */
function inline(text: string): string {
  return text.replace(/\s+/g, " ").replaceAll("`", "'").trim();
}
