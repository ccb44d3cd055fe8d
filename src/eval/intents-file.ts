/**
 * The intents file of `npm run eval`: JSONL, one intent a line (format in the README and
 * contract.md). A bad line is reported with its number and skipped; the rest still runs.
 */
import { z } from "zod";
import { capabilityIdSchema } from "../core/conversation.js";

const capabilityMap = <T extends z.ZodType>(value: T) =>
  z.record(z.string(), value).superRefine((map, ctx) => {
    for (const key of Object.keys(map)) {
      if (!capabilityIdSchema.safeParse(key).success) {
        ctx.addIssue({ code: "custom", message: `unknown capability "${key}"`, path: [key] });
      }
    }
  });

const intentLineSchema = z
  .object({
    id: z.string().min(1),
    intent: z.string(),
    preferences: capabilityMap(z.string().min(1)).optional(),
    domain: z.string().min(1).optional(),
    language: z.string().min(2).optional(),
    answers: capabilityMap(z.union([z.number().int().positive(), z.string().min(1)])).optional(),
    /** Which part of the set the line belongs to (the project's file: "tuning" or "heldout"). */
    split: z.string().min(1).optional(),
  })
  .superRefine((line, ctx) => {
    for (const [capability, value] of Object.entries(line.preferences ?? {})) {
      if (!line.intent.includes(value)) {
        ctx.addIssue({
          code: "custom",
          message: `preference ${capability} "${value}" is not a substring of the intent`,
          path: ["preferences", capability],
        });
      }
    }
  });

export type EvalIntent = z.infer<typeof intentLineSchema> & { line: number };

export interface ParsedIntents {
  intents: EvalIntent[];
  invalid: { line: number; message: string }[];
}

export function parseIntents(text: string): ParsedIntents {
  const intents: EvalIntent[] = [];
  const invalid: ParsedIntents["invalid"] = [];
  const ids = new Set<string>();
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      invalid.push({ line, message: "not valid JSON" });
      return;
    }
    const parsed = intentLineSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.map(String).join(".");
      invalid.push({ line, message: `${where ? `${where}: ` : ""}${issue?.message ?? "invalid"}` });
      return;
    }
    if (ids.has(parsed.data.id)) {
      invalid.push({ line, message: `duplicate id "${parsed.data.id}"` });
      return;
    }
    ids.add(parsed.data.id);
    intents.push({ ...parsed.data, line });
  });
  return { intents, invalid };
}
