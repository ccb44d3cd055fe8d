/**
 * Loads and validates the product content (capability catalog and domain library) at start-up.
 * A broken entry stops the process with a message naming it.
 */
import { capabilityCatalog } from "../data/capabilities.js";
import { allDomains } from "../data/domains/index.js";
import { TailorError } from "../errors.js";
import {
  type CapabilityDefinition,
  capabilityDefinitionSchema,
  type Domain,
  type DomainInput,
  domainSchema,
} from "../library.js";

export interface Library {
  capabilities: CapabilityDefinition[];
  domains: Domain[];
}

export function validateLibrary(input: { capabilities: readonly unknown[]; domains: readonly DomainInput[] }): Library {
  const capabilities = input.capabilities.map((raw, i) => {
    const parsed = capabilityDefinitionSchema.safeParse(raw);
    if (!parsed.success) throw invalid(`capability #${i + 1}`, parsed.error.issues[0]);
    return parsed.data;
  });
  const seen = new Set<string>();
  const domains = input.domains.map((raw, i) => {
    const name = typeof raw?.id === "string" ? `domain "${raw.id}"` : `domain #${i + 1}`;
    const parsed = domainSchema.safeParse(raw);
    if (!parsed.success) throw invalid(name, parsed.error.issues[0]);
    if (seen.has(parsed.data.id)) throw new TailorError("config.invalid", `${name} is defined twice`);
    seen.add(parsed.data.id);
    return parsed.data;
  });
  return { capabilities, domains };
}

export function loadLibrary(): Library {
  return validateLibrary({ capabilities: capabilityCatalog, domains: allDomains });
}

function invalid(name: string, issue: { path: PropertyKey[]; message: string } | undefined): TailorError {
  const where = issue?.path.length ? ` at ${issue.path.map(String).join(".")}` : "";
  return new TailorError(
    "config.invalid",
    `library: ${name} is invalid${where}: ${issue?.message ?? "unknown problem"}`,
  );
}
