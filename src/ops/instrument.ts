/**
 * Decorators that count what the metrics need without the core knowing about metrics:
 * the model port (calls, latency), the store port (errors) and the engine (conversations, questions).
 */
import type { TailorEngine } from "../core/engine-api.js";
import { isTailorError } from "../core/errors.js";
import type { ConversationStore, ModelPort } from "../core/ports.js";
import { decorateModel } from "./decorate-model.js";
import type { TailorMetrics } from "./tailor-metrics.js";

export function instrumentModel<M extends ModelPort>(model: M, metrics: TailorMetrics): M {
  const generateJson: ModelPort["generateJson"] = async (request) => {
    const started = performance.now();
    try {
      const text = await model.generateJson(request);
      metrics.modelCalls.inc({ call: request.call, outcome: "ok" });
      return text;
    } catch (error) {
      metrics.modelCalls.inc({ call: request.call, outcome: isTailorError(error) ? error.code : "error" });
      throw error;
    } finally {
      metrics.modelLatency.observe((performance.now() - started) / 1000, { call: request.call });
    }
  };
  return decorateModel(model, generateJson);
}

export function instrumentStore(store: ConversationStore, metrics: TailorMetrics): ConversationStore {
  const count = <T>(promise: Promise<T>): Promise<T> =>
    promise.catch((error: unknown) => {
      metrics.storeErrors.inc({ code: isTailorError(error) ? error.code : "error" });
      throw error;
    });
  return {
    load: (key, signal) => count(store.load(key, signal)),
    save: (conversation, options) => count(store.save(conversation, options)),
    delete: (key, signal) => count(store.delete(key, signal)),
    withLock: (key, fn, signal) => count(store.withLock(key, fn, signal)),
    claimEvent: (eventId, signal) => count(store.claimEvent(eventId, signal)),
    loadDefaults: (scope, signal) => count(store.loadDefaults(scope, signal)),
    saveDefaults: (scope, defaults, signal) => count(store.saveDefaults(scope, defaults, signal)),
    requestStop: (key, at, signal) => count(store.requestStop(key, at, signal)),
    stopRequestedSince: (key, signal) => count(store.stopRequestedSince(key, signal)),
    ping: (signal) => count(store.ping(signal)),
    close: () => store.close(),
  };
}

export function instrumentEngine(engine: TailorEngine, metrics: TailorMetrics): TailorEngine {
  return {
    claim: (request, signal) => engine.claim(request, signal),
    defaults: (request, signal) => engine.defaults(request, signal),
    async handle(event, options) {
      const replies = await engine.handle(event, options);
      const platform = event.key.platform;
      for (const reply of replies) {
        if (reply.kind === "questions" && reply.questions.every((q) => q.answer === undefined)) {
          if (reply.round === 1) metrics.conversationsStarted.inc({ platform });
          metrics.questionsAsked.inc({ platform }, reply.questions.length);
        } else if (reply.kind === "prompt") {
          metrics.promptsDelivered.inc({ platform });
          if (reply.version === 1) {
            metrics.conversationsFinished.inc({ platform });
            // A conversation with no questions starts and finishes in one turn.
            if (event.kind === "start" || event.kind === "message") metrics.conversationsStarted.inc({ platform });
          }
          if (reply.repaired.length) metrics.alignmentRepairs.inc({}, reply.repaired.length);
        } else if (reply.kind === "error") {
          metrics.engineErrors.inc({ code: reply.code });
        }
      }
      return replies;
    },
  };
}
