/**
 * Every key the store writes, under one namespace so a shared Redis stays readable
 * (`pt:conv:…`, `pt:lock:…`, `pt:dedupe:…`, `pt:corrupt:…`).
 */
import { type ConversationKey, conversationKeyString } from "../core/conversation.js";

const NAMESPACE = "pt";

export const storeKeys = {
  conversation: (key: ConversationKey): string => `${NAMESPACE}:conv:${conversationKeyString(key)}`,
  lock: (key: ConversationKey): string => `${NAMESPACE}:lock:${conversationKeyString(key)}`,
  dedupe: (eventId: string): string => `${NAMESPACE}:dedupe:${encodeURIComponent(eventId)}`,
  /** Where a record that failed validation is kept for inspection; the time keeps every copy. */
  corrupt: (key: ConversationKey, at: Date): string =>
    `${NAMESPACE}:corrupt:${conversationKeyString(key)}:${at.toISOString()}`,
};
