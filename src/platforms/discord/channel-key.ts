/** The conversation key of the channel an interaction or message arrived in. */
import type { TextBasedChannel } from "discord.js";
import type { ConversationKey } from "../../core/conversation.js";
import { channelKey, dmKey, threadKey } from "./conversation-keys.js";

export async function keyOfChannel(channel: TextBasedChannel): Promise<ConversationKey | undefined> {
  if (channel.isDMBased()) return dmKey(channel.id);
  if (channel.isThread()) {
    // A thread first seen in a gateway event may be partial: its parent comes from the API.
    const thread = channel.parentId ? channel : await channel.fetch();
    return thread.parentId ? threadKey(thread.guildId, thread.parentId, thread.id) : undefined;
  }
  return channelKey(channel.guildId, channel.id);
}
