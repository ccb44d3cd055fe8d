/**
 * The conversation record: one per (platform, workspace, channel, thread), validated on every read.
 * Values round-trip through the store as JSON, so times are ISO strings.
 */
import { z } from "zod";

export const CONVERSATION_SCHEMA_VERSION = 1;

export const CAPABILITY_IDS = [
  "goal",
  "audience",
  "role",
  "format",
  "length",
  "tone",
  "language",
  "context",
  "must_include",
  "avoid",
  "examples",
  "reasoning",
] as const;
export const capabilityIdSchema = z.enum(CAPABILITY_IDS);
export type CapabilityId = z.infer<typeof capabilityIdSchema>;

export const platformSchema = z.enum(["slack", "discord", "terminal"]);
export type Platform = z.infer<typeof platformSchema>;

export const conversationKeySchema = z.object({
  platform: platformSchema,
  /** Slack team id, Discord guild id ("@dm" for Discord DMs), "local" for the terminal. */
  workspace: z.string().min(1),
  channel: z.string().min(1),
  /** Slack thread ts, Discord thread id (the channel id for a DM), "main" for the terminal. */
  thread: z.string().min(1),
});
export type ConversationKey = z.infer<typeof conversationKeySchema>;

export const conversationKeyString = (key: ConversationKey): string =>
  [key.platform, key.workspace, key.channel, key.thread].map(encodeURIComponent).join(":");

export const capabilityStateSchema = z.object({
  id: capabilityIdSchema,
  status: z.enum(["pinned", "assumed", "open"]),
  /** Pinned: the user's words, verbatim. Assumed: the model's inference. */
  value: z.string().optional(),
  /** `default`: from the channel's (server's) defaults (`/tailor defaults`). */
  source: z.enum(["intent", "answer", "model", "correction", "default"]).optional(),
});
export type CapabilityState = z.infer<typeof capabilityStateSchema>;

export const questionSchema = z.object({
  id: z.string().min(1),
  capability: capabilityIdSchema,
  text: z.string().min(1),
  options: z.array(z.string().min(1)).max(5),
  answer: z.string().optional(),
  answeredBy: z.enum(["option", "text", "skip"]).optional(),
});
export type Question = z.infer<typeof questionSchema>;

export const promptVersionSchema = z.object({
  version: z.number().int().positive(),
  text: z.string(),
  assumptions: z.array(z.string()),
  /** Pinned values the alignment check had to add back. */
  repaired: z.array(z.string()),
  /** The refinement request that produced this version, if any. */
  request: z.string().optional(),
  /** The capabilities this version was written with (what a later version changed is shown against it). */
  capabilities: z.array(capabilityStateSchema).optional(),
  createdAt: z.string(),
});
export type PromptVersion = z.infer<typeof promptVersionSchema>;

export const stepSchema = z.enum(["analyse", "integrate", "synthesize", "refine"]);
export type Step = z.infer<typeof stepSchema>;

export const conversationSchema = z.object({
  schemaVersion: z.literal(CONVERSATION_SCHEMA_VERSION),
  key: conversationKeySchema,
  owner: z.object({ id: z.string().min(1), name: z.string().optional() }),
  intent: z.string(),
  domain: z.string().optional(),
  /** `awaiting_intent`: after `new`, the owner's next message is the new intent. */
  phase: z.enum(["awaiting_intent", "analysing", "asking", "integrating", "synthesizing", "done", "cancelled"]),
  capabilities: z.array(capabilityStateSchema),
  /** The current round's questions. */
  questions: z.array(questionSchema),
  /** Answered questions of earlier rounds: their answers still reach the synthesize call verbatim. */
  earlierQuestions: z.array(questionSchema).optional(),
  round: z.number().int().nonnegative(),
  /** Owner messages not yet consumed by a model call (kept across failures: nothing is lost). */
  pending: z.array(z.string()),
  /** Set while the last step failed; `retry` re-runs it. */
  failedStep: z.object({ step: stepSchema, code: z.string(), at: z.string() }).optional(),
  versions: z.array(promptVersionSchema),
  modelCalls: z.number().int().nonnegative(),
  modelRetries: z.number().int().nonnegative(),
  /** After `cancel`: the "this conversation ended" notice was shown once; later messages get no reply. */
  endedNoticeShown: z.boolean().optional(),
  /** The channel's (server's) defaults when the conversation started: assumed unless the user says otherwise. */
  defaults: z.partialRecord(capabilityIdSchema, z.string()).optional(),
  /** Adapter bookkeeping (message ids to update in place); opaque to the core. */
  refs: z.record(z.string(), z.string()).default({}),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Conversation = z.infer<typeof conversationSchema>;
