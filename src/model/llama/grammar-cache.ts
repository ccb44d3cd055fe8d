/**
 * One compiled JSON-schema grammar per distinct schema (the engine has three). Keyed by the schema's
 * JSON text, so a caller that rebuilds an equal schema object per call reuses it and the cache stays
 * as small as the set of schemas.
 */
import type { Llama, LlamaGrammar } from "node-llama-cpp";
import type { JsonSchema } from "../../core/ports.js";

export function createGrammarCache(llama: Llama) {
  const cache = new Map<string, Promise<LlamaGrammar>>();
  return {
    get(schema: JsonSchema): Promise<LlamaGrammar> {
      const key = JSON.stringify(schema);
      let grammar = cache.get(key);
      if (!grammar) {
        // The engine's schemas are plain JSON Schema; node-llama-cpp's type is narrower than our port's.
        grammar = llama.createGrammarForJsonSchema(schema as Parameters<Llama["createGrammarForJsonSchema"]>[0]);
        // A schema node-llama-cpp cannot compile is not cached: the next call reports the error again.
        grammar.catch(() => cache.delete(key));
        cache.set(key, grammar);
      }
      return grammar;
    },
  };
}
