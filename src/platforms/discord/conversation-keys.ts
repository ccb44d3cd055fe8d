/**
 * Conversation keys on Discord: a guild conversation lives in a thread (channel = the thread's parent),
 * a DM channel holds one conversation (workspace "@dm", channel = thread = the DM channel).
 */
import type { ConversationKey } from "../../core/conversation.js";

export const DM_WORKSPACE = "@dm";

export const dmKey = (channelId: string): ConversationKey => ({
  platform: "discord",
  workspace: DM_WORKSPACE,
  channel: channelId,
  thread: channelId,
});

export const threadKey = (guildId: string, parentId: string, threadId: string): ConversationKey => ({
  platform: "discord",
  workspace: guildId,
  channel: parentId,
  thread: threadId,
});

/** A guild channel without a thread (where no thread could be opened). */
export const channelKey = (guildId: string, channelId: string): ConversationKey =>
  threadKey(guildId, channelId, channelId);

export const messageEventId = (messageId: string): string => `discord:msg:${messageId}`;
export const interactionEventId = (interactionId: string): string => `discord:int:${interactionId}`;
