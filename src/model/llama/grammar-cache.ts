/** One compiled JSON-schema grammar per schema object (the engine reuses its three schemas). */
import type { Llama, LlamaGrammar } from "node-llama-cpp";
import type { JsonSchema } from "../../core/ports.js";

export function createGrammarCache(llama: Llama) {
  const cache = new Map<JsonSchema, Promise<LlamaGrammar>>();
  return {
    get(schema: JsonSchema): Promise<LlamaGrammar> {
      let grammar = cache.get(schema);
      if (!grammar) {
        // The engine's schemas are plain JSON Schema; node-llama-cpp's type is narrower than our port's.
        grammar = llama.createGrammarForJsonSchema(schema as Parameters<Llama["createGrammarForJsonSchema"]>[0]);
        cache.set(schema, grammar);
      }
      return grammar;
    },
  };
}
