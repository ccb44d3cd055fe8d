/**
 * Text blocks the calls share: exemplars, the capability catalog, the capability state, answers.
 * Pinned values and answers are quoted verbatim: the model sees the user's own words.
 */
import type { CapabilityState, Question } from "../conversation.js";
import type { CapabilityDefinition, RetrievedExemplar } from "../library.js";

export function describeExemplars(exemplars: readonly RetrievedExemplar[]): string {
  if (exemplars.length === 0) return "(no exemplar retrieved)";
  return exemplars
    .map((r, i) =>
      [
        `Exemplar ${i + 1} (domain: ${r.domain})`,
        ...(r.safety ? [`Safety rails of this domain (keep them): ${r.safety}`] : []),
        `Intent: ${r.exemplar.intent}`,
        `Capabilities that matter: ${r.exemplar.capabilities.map((c) => `${c.id} (${c.options.join(" / ")})`).join("; ")}`,
        "Tailored prompt:",
        r.exemplar.prompt,
      ].join("\n"),
    )
    .join("\n\n");
}

export function describeCatalog(catalog: readonly CapabilityDefinition[]): string {
  return catalog
    .map(
      (c) => `- ${c.id}: ${c.description} Why it matters: ${c.whyItMatters} Typical options: ${c.options.join(" / ")}.`,
    )
    .join("\n");
}

export function describeCapabilities(capabilities: readonly CapabilityState[]): string {
  const line = (c: CapabilityState) => `- ${c.id}${c.value ? `: "${c.value}"` : ""}`;
  const group = (status: CapabilityState["status"], title: string) => {
    const items = capabilities.filter((c) => c.status === status);
    return `${title}:\n${items.length ? items.map(line).join("\n") : "(none)"}`;
  };
  return [
    group("pinned", "Pinned by the user (keep these exact words)"),
    group("assumed", "Assumed (inferred, the user may correct them)"),
    group("open", "Open (yours to optimize)"),
  ].join("\n");
}

/**
 * The user's answers, verbatim. Questions that share one answer (a free-text message answers every
 * open question of its round) are listed together above it; other messages follow as written.
 */
export function describeAnswers(questions: readonly Question[], freeText: readonly string[]): string {
  const byAnswer = new Map<string, Question[]>();
  for (const q of questions) {
    if (q.answer === undefined || q.answeredBy === "skip") continue;
    byAnswer.set(q.answer, [...(byAnswer.get(q.answer) ?? []), q]);
  }
  const answered = [...byAnswer].map(([answer, qs]) =>
    [...qs.map((q) => `Q (${q.capability}): ${q.text}`), `A: ${answer}`].join("\n"),
  );
  const texts = freeText.filter((t) => !byAnswer.has(t)).map((t) => `User wrote: ${t}`);
  const all = [...answered, ...texts];
  return all.length ? all.join("\n") : "(no answers)";
}
