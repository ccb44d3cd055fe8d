/** The plain facts of where an interaction or message arrived (what the pure normalizers work on). */
import { ChannelType, type TextBasedChannel } from "discord.js";
import type { DiscordPlace } from "./normalize-events.js";

export async function placeOf(channel: TextBasedChannel | null): Promise<DiscordPlace | undefined> {
  if (!channel) return undefined;
  if (channel.isDMBased()) return { kind: "dm", channelId: channel.id };
  if (channel.isThread()) {
    // A thread first seen in a gateway event may be partial: its parent comes from the API.
    const thread = channel.parentId ? channel : await channel.fetch();
    return {
      kind: "thread",
      guildId: thread.guildId,
      channelId: thread.id,
      ...(thread.parentId ? { parentId: thread.parentId } : {}),
    };
  }
  const text = channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement;
  return { kind: text ? "text" : "other", guildId: channel.guildId, channelId: channel.id };
}
