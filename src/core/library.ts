/**
 * Types of the product content the engine reads: the capability catalog and the domain library.
 * The content itself is data (src/core/data/), validated with these schemas at start-up.
 */
import { z } from "zod";
import { capabilityIdSchema } from "./conversation.js";

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

export const exemplarSchema = z.object({
  intent: z.string().min(1),
  /** The capabilities that matter most here, with good options. */
  capabilities: z.array(z.object({ id: capabilityIdSchema, options: z.array(z.string().min(1)).min(2).max(5) })).min(2),
  /** A model tailored prompt for the intent. */
  prompt: z.string().min(1),
});
export type Exemplar = z.infer<typeof exemplarSchema>;

export const domainSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  title: z.string().min(1),
  description: z.string().min(1),
  /** Extra words retrieval should match (synonyms, typical nouns). */
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
}

/** What a domain data file holds (before defaults are applied). */
export type DomainInput = z.input<typeof domainSchema>;
