/**
 * Wires a real engine to a FakeModel and an in-process store (the fake MemoryStore unless a test
 * passes another), with helpers that send events.
 */
import type { ConversationKey } from "../../src/core/conversation.js";
import { createEngine, type EngineDeps } from "../../src/core/engine/create-engine.js";
import type { EngineReply, InboundEvent, InboundEventBody, Progress, PromptDraft } from "../../src/core/engine-api.js";
import type { ConversationStore } from "../../src/core/ports.js";
import { silentLogger } from "../../src/log/logger.js";
import { fakeCapabilities, fakeRetriever } from "./fake-library.js";
import { FakeModel } from "./fake-model.js";
import { MemoryStore } from "./memory-store.js";

export const KEY: ConversationKey = { platform: "slack", workspace: "T1", channel: "C1", thread: "100.1" };
export const OWNER = { id: "U-OWNER" };

export async function engineHarness(
  options: { model?: FakeModel; store?: ConversationStore } & Partial<EngineDeps> = {},
) {
  const model = options.model ?? new FakeModel();
  const store = options.store ?? new MemoryStore();
  let time = Date.parse("2026-11-24T10:00:00Z");
  const engine = createEngine({
    store,
    model,
    retriever: options.retriever ?? fakeRetriever,
    capabilities: options.capabilities ?? fakeCapabilities,
    clock: { now: () => (time += 1000) },
    logger: silentLogger,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowOthers !== undefined ? { allowOthers: options.allowOthers } : {}),
  });
  let counter = 0;
  const progress: Progress[] = [];
  const drafts: PromptDraft[] = [];
  const send = (
    body: InboundEventBody,
    extra: { user?: { id: string }; eventId?: string } = {},
  ): Promise<EngineReply[]> => {
    counter += 1;
    return engine.handle(
      {
        ...body,
        eventId: extra.eventId ?? `ev-${counter}`,
        key: KEY,
        user: extra.user ?? OWNER,
        direct: false,
      } as InboundEvent,
      { onProgress: (p) => progress.push(p), onDraft: (d) => drafts.push(d) },
    );
  };
  const load = async () => {
    const result = await store.load(KEY);
    if (result.status !== "found") throw new Error(`no conversation (${result.status})`);
    return result.conversation;
  };
  return { engine, model, store, send, load, progress, drafts };
}

export const only = <K extends EngineReply["kind"]>(replies: EngineReply[], kind: K) => {
  const found = replies.filter((r): r is Extract<EngineReply, { kind: K }> => r.kind === kind);
  if (found.length === 0) throw new Error(`no ${kind} reply in ${JSON.stringify(replies)}`);
  return found[found.length - 1] as Extract<EngineReply, { kind: K }>;
};
