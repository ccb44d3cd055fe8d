/** The product's metrics (issue: conversations, questions, model calls and latency, queue, errors). */
import { Counter, Histogram, MetricsRegistry } from "./metrics.js";

export function createTailorMetrics() {
  const registry = new MetricsRegistry();
  return {
    registry,
    conversationsStarted: registry.register(
      new Counter("tailor_conversations_started_total", "Conversations started, by platform."),
    ),
    promptsDelivered: registry.register(
      new Counter("tailor_prompts_delivered_total", "Prompt versions delivered (first prompts and refinements)."),
    ),
    conversationsFinished: registry.register(
      new Counter("tailor_conversations_finished_total", "Conversations that reached their first prompt."),
    ),
    questionsAsked: registry.register(new Counter("tailor_questions_asked_total", "Follow-up questions asked.")),
    alignmentRepairs: registry.register(
      new Counter("tailor_alignment_repairs_total", "Pinned values the alignment check added back to a prompt."),
    ),
    modelCalls: registry.register(new Counter("tailor_model_calls_total", "Model calls, by call and outcome.")),
    modelLatency: registry.register(
      new Histogram("tailor_model_call_seconds", "Model call latency, by call.", [0.5, 1, 2, 5, 10, 30, 60, 120, 300]),
    ),
    engineErrors: registry.register(new Counter("tailor_turn_errors_total", "Turns that ended in an error, by code.")),
    storeErrors: registry.register(new Counter("tailor_store_errors_total", "Store operations that failed, by code.")),
    platformErrors: registry.register(
      new Counter("tailor_platform_errors_total", "Errors reported by platform adapters, by platform."),
    ),
  };
}

export type TailorMetrics = ReturnType<typeof createTailorMetrics>;
