/**
 * Every key the store writes, under one namespace so a shared Redis stays readable
 * (`pt:conv:…`, `pt:lock:…`, `pt:dedupe:…`, `pt:defaults:…`, `pt:stop:…`, `pt:corrupt:…`).
 */
import { type ConversationKey, conversationKeyString } from "../core/conversation.js";

const NAMESPACE = "pt";

export const storeKeys = {
  conversation: (key: ConversationKey): string => `${NAMESPACE}:conv:${conversationKeyString(key)}`,
  lock: (key: ConversationKey): string => `${NAMESPACE}:lock:${conversationKeyString(key)}`,
  dedupe: (eventId: string): string => `${NAMESPACE}:dedupe:${encodeURIComponent(eventId)}`,
  /** A place's default capabilities (`/tailor defaults`): a Slack channel or a Discord guild. */
  defaults: (scope: string): string => `${NAMESPACE}:defaults:${encodeURIComponent(scope)}`,
  /** A pending request to stop the model call of a conversation's running turn. */
  stop: (key: ConversationKey): string => `${NAMESPACE}:stop:${conversationKeyString(key)}`,
  /** Where a record that failed validation is kept for inspection; the time keeps every copy. */
  corrupt: (key: ConversationKey, at: Date): string =>
    `${NAMESPACE}:corrupt:${conversationKeyString(key)}:${at.toISOString()}`,
};
