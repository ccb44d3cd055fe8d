/**
 * Building blocks of the three calls' JSON schemas. Every string has a maxLength and every array a
 * maxItems so that grammar-constrained generation always terminates; every property is required and
 * no other is allowed (OpenAI strict structured outputs).
 */
import { CAPABILITY_IDS } from "../conversation.js";

/** llama.cpp's grammar parser refuses 2,000 or more repetitions of a rule. */
const GRAMMAR_MAX_REPETITIONS = 1999;

export const str = (maxLength: number) => {
  if (maxLength > GRAMMAR_MAX_REPETITIONS) throw new Error(`maxLength ${maxLength} is beyond what a grammar can hold`);
  return { type: "string", maxLength } as const;
};
export const arr = (items: object, maxItems: number) => ({ type: "array", items, maxItems }) as const;
export const obj = (properties: Record<string, object>) =>
  ({ type: "object", properties, required: Object.keys(properties), additionalProperties: false }) as const;
export const capabilityEnum = { type: "string", enum: [...CAPABILITY_IDS] } as const;

export const questionItem = obj({
  capability: capabilityEnum,
  question: str(200),
  options: arr(str(80), 5),
});

export const capabilityValueItem = obj({ capability: capabilityEnum, value: str(300) });
