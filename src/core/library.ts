/**
 * Types of the product content the engine reads: the capability catalog and the domain library.
 * The content itself is data (src/core/data/), validated with these schemas at start-up.
 */
import { z } from "zod";
import { capabilityIdSchema } from "./conversation.js";
import type { DomainGuide } from "./model-calls/call-inputs.js";
import type { DomainSummary } from "./model-calls/shared-system.js";

export const capabilityDefinitionSchema = z.object({
  id: capabilityIdSchema,
  label: z.string().min(1),
  description: z.string().min(1),
  whyItMatters: z.string().min(1),
  /** A question template the model may adapt. */
  question: z.string().min(1),
  /** Generic options; domains suggest better ones. */
  options: z.array(z.string().min(1)).min(2).max(5),
});
export type CapabilityDefinition = z.infer<typeof capabilityDefinitionSchema>;

/** The engine's prompt field holds at most 1,800 characters: an exemplar leaves room to adapt it. */
export const EXEMPLAR_PROMPT_MAX = 1200;
/** A domain is offered to the analyse call as one "id: description" line of an enum list. */
export const DOMAIN_DESCRIPTION_MAX = 90;

/** A prompt in a data file is a string or, more readably, its lines. */
const promptTextSchema = z
  .union([
    z.string(),
    z
      .array(z.string())
      .min(1)
      .transform((lines) => lines.join("\n")),
  ])
  .pipe(z.string().trim().min(1).max(EXEMPLAR_PROMPT_MAX));

const normalize = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

export const exemplarSchema = z
  .object({
    intent: z.string().min(1),
    /** The capabilities that matter most here, with good options. */
    capabilities: z
      .array(z.object({ id: capabilityIdSchema, options: z.array(z.string().min(1)).min(2).max(5) }))
      .min(2),
    /** Answers from a question round that the prompt folds in verbatim (alignment: they are pinned). */
    answers: z
      .array(z.object({ capability: capabilityIdSchema, question: z.string().min(1), answer: z.string().min(1) }))
      .min(1)
      .max(3)
      .optional(),
    /** A model tailored prompt: the intent's own facts verbatim, placeholders only for what is not given. */
    prompt: promptTextSchema,
  })
  .superRefine((exemplar, ctx) => {
    exemplar.answers?.forEach((answer, i) => {
      if (!normalize(exemplar.prompt).includes(normalize(answer.answer))) {
        ctx.addIssue({
          code: "custom",
          path: ["answers", i, "answer"],
          message: "the prompt must carry this answer verbatim",
        });
      }
    });
  });
export type Exemplar = z.infer<typeof exemplarSchema>;

export const domainSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  title: z.string().min(1),
  /** One line (an enum list shows "id: description"). */
  description: z
    .string()
    .min(1)
    .max(DOMAIN_DESCRIPTION_MAX)
    .regex(/^[^\n]+$/, "must be one line"),
  /** Extra words retrieval should match (synonyms, typical nouns, a few in de/es/fr). */
  keywords: z.array(z.string().min(1)),
  /** Safety rails the prompt must keep (medical, legal, ...), if any. */
  safety: z.string().optional(),
  exemplars: z.array(exemplarSchema).min(2),
});
export type Domain = z.infer<typeof domainSchema>;

export interface RetrievedExemplar {
  domain: string;
  score: number;
  exemplar: Exemplar;
  /** The domain's safety rails, which a prompt in this domain must keep. */
  safety?: string;
}

export interface DomainScore {
  domain: string;
  score: number;
}

/** Retrieval over the domain library (lexical by default: works without a model). */
export interface Retriever {
  /** Top-k exemplars for an intent, best first. */
  exemplars(intent: string, k: number): RetrievedExemplar[];
  /** Top-k domains for an intent, best first. */
  domains(intent: string, k: number): DomainScore[];
  /** Every domain as one line for the analyse call's choice. */
  summaries(): DomainSummary[];
  /** A domain's exemplars (closest to the intent first) and the rails to keep (the domain's and the topic's). */
  guide(domainId: string, intent: string): DomainGuide;
}

/** What a domain data file holds (before defaults are applied). */
export type DomainInput = z.input<typeof domainSchema>;
