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
        `Intent: ${r.exemplar.intent}`,
        `Capabilities that matter: ${r.exemplar.capabilities.map((c) => `${c.id} (${c.options.join(" / ")})`).join("; ")}`,
        "Tailored prompt:",
        r.exemplar.prompt,
      ].join("\n"),
    )
    .join("\n\n");
}

export function describeCatalog(catalog: readonly CapabilityDefinition[]): string {
  return catalog.map((c) => `- ${c.id}: ${c.description} Why it matters: ${c.whyItMatters}`).join("\n");
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

export function describeAnswers(questions: readonly Question[], freeText: readonly string[]): string {
  const answered = questions
    // A free-text message answers every open question; it is listed once, below.
    .filter((q) => q.answer !== undefined && q.answeredBy !== "skip" && !freeText.includes(q.answer))
    .map((q) => `Q (${q.capability}): ${q.text}\nA: ${q.answer}`);
  const texts = freeText.map((t) => `User wrote: ${t}`);
  const all = [...answered, ...texts];
  return all.length ? all.join("\n") : "(no answers)";
}
