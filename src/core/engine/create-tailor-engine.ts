/**
 * The engine with the product's own content: the capability catalog and the domain library
 * (validated once per process), with lexical retrieval over it.
 */
import type { TailorEngine } from "../engine-api.js";
import { type Library, loadLibrary } from "../library/load-library.js";
import { createRetriever } from "../retrieval/create-retriever.js";
import { createEngine } from "./create-engine.js";
import type { EngineDeps } from "./engine-deps.js";

let library: { content: Library; retriever: ReturnType<typeof createRetriever> } | undefined;

export function createTailorEngine(deps: Omit<EngineDeps, "retriever" | "capabilities">): TailorEngine {
  if (!library) {
    const content = loadLibrary();
    library = { content, retriever: createRetriever(content.domains) };
  }
  return createEngine({ ...deps, retriever: library.retriever, capabilities: library.content.capabilities });
}
