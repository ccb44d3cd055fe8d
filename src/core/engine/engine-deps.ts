import type { CapabilityDefinition, Retriever } from "../library.js";
import type { Clock, ConversationStore, Logger, ModelPort } from "../ports.js";

export interface EngineLimits {
  maxIntentChars: number;
  maxQuestions: number;
  maxRounds: number;
}

export interface EngineDeps {
  store: ConversationStore;
  model: ModelPort;
  retriever: Retriever;
  capabilities: CapabilityDefinition[];
  clock: Clock;
  logger: Logger;
  limits?: Partial<EngineLimits>;
  /** Let people other than the owner steer a conversation (operator setting). Default false. */
  allowOthers?: boolean;
}

export const DEFAULT_LIMITS: EngineLimits = { maxIntentChars: 4000, maxQuestions: 3, maxRounds: 2 };

/** Exemplars given to the model calls. */
export const EXEMPLARS_K = 3;
