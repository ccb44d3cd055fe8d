/**
 * Drops gateway dispatches discord.js cannot read, before they become unhandled rejections. discord.js
 * handles each dispatch inside an async function of @discordjs/ws, so a TypeError thrown while it builds
 * a Message or an Interaction from a malformed payload (a `mentions` that is not a list, an `author` that
 * is not an object…) would surface as an unhandled rejection. Malformed or unexpected payloads are
 * logged and dropped; the process and the connection stay up (contract: Guarantees).
 */
import type { Client } from "discord.js";
import type { Logger } from "../../core/ports.js";

interface Packet {
  t?: unknown;
  d?: unknown;
}

type PacketHandler = (packet?: Packet, shard?: unknown) => boolean;

/** Wraps the client's packet handler (an instance property shadows discord.js's own method). */
export function guardGateway(client: Client, logger: Logger): void {
  const manager = client.ws as unknown as { handlePacket: PacketHandler };
  const original = manager.handlePacket.bind(manager);
  manager.handlePacket = (packet?: Packet, shard?: unknown): boolean => {
    const problem = packet ? packetProblem(packet) : undefined;
    if (problem) {
      logger.warn("dropped a malformed gateway event", { event: String(packet?.t), problem });
      return true;
    }
    try {
      return original(packet, shard);
    } catch (error) {
      logger.warn("dropped a gateway event discord.js could not read", { event: String(packet?.t), error });
      return true;
    }
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isId = (value: unknown): boolean => typeof value === "string" && /^\d{1,25}$/.test(value);

/** Why a dispatch the adapter relies on cannot be read, or undefined when it looks sound. */
export function packetProblem(packet: Packet): string | undefined {
  if (packet.t === undefined || packet.t === null) return undefined;
  if (typeof packet.t !== "string") return "event name is not a string";
  if (!isObject(packet.d)) return "payload is not an object";
  const d = packet.d;
  if (packet.t === "MESSAGE_CREATE") {
    if (!isId(d.id) || !isId(d.channel_id)) return "message without ids";
    if (!isObject(d.author) || !isId(d.author.id)) return "message without an author";
    if (d.mentions !== undefined && !Array.isArray(d.mentions)) return "mentions is not a list";
    if (d.content !== undefined && typeof d.content !== "string") return "content is not text";
  }
  if (packet.t === "INTERACTION_CREATE") {
    if (!isId(d.id) || typeof d.token !== "string" || typeof d.type !== "number")
      return "interaction without id, token or type";
    if (d.member !== undefined && (!isObject(d.member) || !isObject(d.member.user)))
      return "interaction member is malformed";
    if (d.user !== undefined && !isObject(d.user)) return "interaction user is malformed";
    if (d.data !== undefined && !isObject(d.data)) return "interaction data is not an object";
  }
  return undefined;
}
