/**
 * Checks a value against the subset of JSON Schema the engine's call schemas use (object with
 * required properties and no others, array with maxItems, string with maxLength and enum). The
 * grammar a local model decodes under enforces exactly these bounds, so a training target that
 * breaks one teaches an answer the model could never produce.
 */
export function schemaProblem(value: unknown, schema: unknown, path = "$"): string | undefined {
  const s = schema as {
    type?: string;
    properties?: Record<string, unknown>;
    required?: string[];
    additionalProperties?: boolean;
    items?: unknown;
    maxItems?: number;
    maxLength?: number;
    enum?: unknown[];
  };
  if (s.enum && !s.enum.includes(value)) return `${path} is not one of the allowed values`;
  switch (s.type) {
    case "object": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return `${path} is not an object`;
      const record = value as Record<string, unknown>;
      for (const key of s.required ?? []) if (!(key in record)) return `${path}.${key} is missing`;
      for (const [key, child] of Object.entries(record)) {
        const childSchema = s.properties?.[key];
        if (!childSchema) {
          if (s.additionalProperties === false) return `${path}.${key} is not allowed`;
          continue;
        }
        const problem = schemaProblem(child, childSchema, `${path}.${key}`);
        if (problem) return problem;
      }
      return undefined;
    }
    case "array": {
      if (!Array.isArray(value)) return `${path} is not an array`;
      if (s.maxItems !== undefined && value.length > s.maxItems) return `${path} has more than ${s.maxItems} items`;
      for (const [i, item] of value.entries()) {
        const problem = schemaProblem(item, s.items, `${path}[${i}]`);
        if (problem) return problem;
      }
      return undefined;
    }
    case "string":
      if (typeof value !== "string") return `${path} is not a string`;
      if (s.maxLength !== undefined && [...value].length > s.maxLength)
        return `${path} is longer than ${s.maxLength} characters`;
      return undefined;
    default:
      return undefined;
  }
}
