/**
 * Loads and validates the product content at start-up: the capability catalog
 * (src/core/data/capabilities.json) and one file per domain (src/core/data/domains/<id>.json).
 * A broken file stops the process with TailorError("config.invalid") naming the file and the field.
 *
 * The files are read with node:fs relative to this module (not the working directory), so
 * `npm start`, `npm run domains` and the tests find them from any cwd; adding a domain is adding a
 * file.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CAPABILITY_IDS } from "../conversation.js";
import { TailorError } from "../errors.js";
import { type CapabilityDefinition, capabilityDefinitionSchema, type Domain, domainSchema } from "../library.js";

export interface Library {
  capabilities: CapabilityDefinition[];
  domains: Domain[];
}

/** One data file: the path named in errors, and its parsed JSON. */
export interface LibraryFile {
  path: string;
  json: unknown;
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DATA_DIR = fileURLToPath(new URL("../data/", import.meta.url));

/** Reads the library's data files (catalog and domains, domains sorted by file name). */
export function readLibraryFiles(dataDir: string = DATA_DIR): { capabilities: LibraryFile; domains: LibraryFile[] } {
  const domainsDir = path.join(dataDir, "domains");
  let names: string[];
  try {
    names = fs.readdirSync(domainsDir).filter((name) => name.endsWith(".json"));
  } catch (error) {
    throw new TailorError("config.invalid", `library: cannot read ${display(domainsDir)}`, { cause: error });
  }
  return {
    capabilities: readJson(path.join(dataDir, "capabilities.json")),
    domains: names.sort().map((name) => readJson(path.join(domainsDir, name))),
  };
}

/**
 * Validates the library files: each against its schema, a domain's id against its file name, the
 * catalog against the capability ids. Throws on the first problem, naming file and field.
 */
export function validateLibraryFiles(files: { capabilities: LibraryFile; domains: readonly LibraryFile[] }): Library {
  const catalog = capabilityDefinitionSchema.array().safeParse(files.capabilities.json);
  if (!catalog.success) throw invalid(files.capabilities.path, catalog.error.issues[0]);
  const ids = catalog.data.map((c) => c.id);
  const missing = CAPABILITY_IDS.filter((id) => !ids.includes(id));
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (missing.length || twice) {
    const problem = twice ? `capability "${twice}" is defined twice` : `missing capabilities: ${missing.join(", ")}`;
    throw new TailorError("config.invalid", `library: ${files.capabilities.path}: ${problem}`);
  }

  const seen = new Set<string>();
  const domains = files.domains.map((file) => {
    const parsed = domainSchema.safeParse(file.json);
    if (!parsed.success) throw invalid(file.path, parsed.error.issues[0]);
    const domain = parsed.data;
    const stem = path.basename(file.path, ".json");
    if (stem !== domain.id) {
      throw new TailorError("config.invalid", `library: ${file.path}: id: "${domain.id}" must match the file name`);
    }
    if (seen.has(domain.id)) {
      throw new TailorError("config.invalid", `library: ${file.path}: id: domain "${domain.id}" is defined twice`);
    }
    seen.add(domain.id);
    return domain;
  });
  return { capabilities: catalog.data, domains };
}

/** The validated library from src/core/data/. */
export function loadLibrary(): Library {
  return validateLibraryFiles(readLibraryFiles());
}

function readJson(file: string): LibraryFile {
  const shown = display(file);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new TailorError("config.invalid", `library: cannot read ${shown}`, { cause: error });
  }
  try {
    return { path: shown, json: JSON.parse(text) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TailorError("config.invalid", `library: ${shown}: not valid JSON: ${reason}`, { cause: error });
  }
}

/** A path relative to the project root (src/core/data/...), whatever the working directory. */
function display(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith("..") ? file : relative.split(path.sep).join("/");
}

function invalid(file: string, issue: { path: PropertyKey[]; message: string } | undefined): TailorError {
  const field = issue?.path.length ? `${issue.path.map(String).join(".")}: ` : "";
  return new TailorError("config.invalid", `library: ${file}: ${field}${issue?.message ?? "unknown problem"}`);
}
