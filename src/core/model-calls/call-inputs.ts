/**
 * What every call builder receives besides its own state: the library's shared context, the
 * intent's language, and the chosen domain's exemplars and rails.
 */
import type { CapabilityDefinition, Exemplar } from "../library.js";
import type { DomainSummary } from "./shared-system.js";

export interface LibraryContext {
  catalog: readonly CapabilityDefinition[];
  domains: readonly DomainSummary[];
}

export interface DomainGuide {
  domain: string;
  exemplars: readonly Exemplar[];
  /** Safety rails to keep: the domain's own and the general ones by topic. */
  rails: readonly string[];
}
