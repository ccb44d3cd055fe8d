/**
 * Channel defaults (`/tailor defaults`): capability values a Slack channel or a Discord server gives
 * every new conversation as assumptions. They are shown in the checklist, never asked about, and
 * anything the user says overrides them. Reading and changing them is this file; who may change them
 * is the adapter's to say (`canManage`).
 */
import { CAPABILITY_IDS, type CapabilityId, type Conversation, type ConversationKey } from "../conversation.js";
import type { CapabilityDefinition } from "../library.js";
import { EN, fill } from "../messages/catalog.js";
import type { PlaceDefaults } from "../ports.js";
import { setCapability } from "./conversation-state.js";

/** A default's longest value: a setting, not material. */
export const MAX_DEFAULT_CHARS = 200;

/** Where defaults apply: a Slack channel, a Discord server; nowhere for DMs and the terminal. */
export function defaultsScope(place: Pick<ConversationKey, "platform" | "workspace" | "channel">): string | undefined {
  if (place.platform === "slack") return `slack/${place.workspace}/${place.channel}`;
  if (place.platform === "discord" && place.workspace !== "@dm") return `discord/${place.workspace}`;
  return undefined;
}

export type DefaultsCommand =
  | { action: "show" }
  | { action: "set"; values: PlaceDefaults }
  | { action: "clear"; ids: CapabilityId[] }
  | { action: "invalid"; problem: string };

/**
 * `""`/`show`; `set language=German; tone=friendly` (`;` or new lines between settings, `=` or `:`
 * after a capability's id or label); `clear` (all) or `clear tone; audience`.
 */
export function parseDefaultsCommand(text: string, capabilities: readonly CapabilityDefinition[]): DefaultsCommand {
  const trimmed = text.trim();
  const [verb = "", ...rest] = trimmed.split(/\s+/);
  const body = trimmed.slice(verb.length).trim();
  switch (verb.toLowerCase()) {
    case "":
    case "show":
      return rest.length === 0 ? { action: "show" } : { action: "invalid", problem: "show takes nothing after it" };
    case "clear": {
      if (body === "") return { action: "clear", ids: [...CAPABILITY_IDS] };
      const ids: CapabilityId[] = [];
      for (const name of body
        .split(/[;\n,]/)
        .map((n) => n.trim())
        .filter(Boolean)) {
        const id = capabilityNamed(name, capabilities);
        if (!id) return { action: "invalid", problem: `unknown setting "${name}"` };
        ids.push(id);
      }
      return { action: "clear", ids };
    }
    case "set": {
      const values: PlaceDefaults = {};
      for (const part of body
        .split(/[;\n]/)
        .map((p) => p.trim())
        .filter(Boolean)) {
        const match = /^([^=:]+?)\s*[=:]\s*(.+)$/s.exec(part);
        if (!match) return { action: "invalid", problem: `"${part}" is not name=value` };
        const id = capabilityNamed(match[1] ?? "", capabilities);
        if (!id) return { action: "invalid", problem: `unknown setting "${match[1]}"` };
        const value = (match[2] ?? "").trim();
        if (value.length > MAX_DEFAULT_CHARS)
          return { action: "invalid", problem: `the value of ${id} is over ${MAX_DEFAULT_CHARS} characters` };
        values[id] = value;
      }
      return Object.keys(values).length > 0
        ? { action: "set", values }
        : { action: "invalid", problem: "nothing to set" };
    }
    default:
      return { action: "invalid", problem: `unknown word "${verb}"` };
  }
}

/** A capability by id or label, any case, spaces or dashes for underscores ("must include"). */
function capabilityNamed(name: string, capabilities: readonly CapabilityDefinition[]): CapabilityId | undefined {
  const wanted = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  return capabilities.find((c) => c.id === wanted || c.label.toLowerCase().replace(/[\s-]+/g, "_") === wanted)?.id;
}

/** "Language: German; Tone: friendly". */
export function describeDefaults(defaults: PlaceDefaults, capabilities: readonly CapabilityDefinition[]): string {
  return Object.entries(defaults)
    .map(([id, value]) => `${labelOf(id as CapabilityId, capabilities)}: ${value}`)
    .join("; ");
}

export const labelOf = (id: CapabilityId, capabilities: readonly CapabilityDefinition[]): string =>
  capabilities.find((c) => c.id === id)?.label ?? id;

export const defaultsUsage = (capabilities: readonly CapabilityDefinition[]): string =>
  fill(EN.defaultsUsage, { names: capabilities.map((c) => c.id).join(", ") });

/** Gives the conversation its place's defaults as assumptions, where the user has not said otherwise. */
export function applyDefaults(conversation: Conversation): void {
  for (const [id, value] of Object.entries(conversation.defaults ?? {}) as [CapabilityId, string][]) {
    const own = conversation.capabilities.some(
      (c) => c.id === id && (c.status === "pinned" || (c.status === "assumed" && c.source === "correction")),
    );
    if (!own) setCapability(conversation, id, "assumed", value, "default");
  }
}

/** A default answers its capability: the analyse call's questions about it are not asked. */
export const hasDefault = (conversation: Conversation, id: CapabilityId): boolean =>
  conversation.defaults?.[id] !== undefined &&
  !conversation.capabilities.some((c) => c.id === id && c.status === "pinned");
