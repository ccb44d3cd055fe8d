/**
 * How a capability's values change. A capability may hold several pinned values ("high protein" and
 * "a shopping list at the end" are both must-include): a new pin adds to the pins already there,
 * and only a correction replaces them. An assumption never overrides what the user said.
 */
import type { CapabilityId, CapabilityState, Conversation } from "../conversation.js";
import { normalize } from "../model-calls/clean-text.js";

export function setCapabilityValue(
  conversation: Conversation,
  id: CapabilityId,
  status: "pinned" | "assumed",
  value: string,
  source: CapabilityState["source"],
  options: { overridePinned?: boolean } = {},
): void {
  const entries = conversation.capabilities.filter((c) => c.id === id);
  const pinned = entries.filter((c) => c.status === "pinned");
  if (status === "assumed" && pinned.length > 0 && !options.overridePinned) return;
  const next: CapabilityState = { id, status, value, source };
  if (status === "pinned" && source !== "correction" && pinned.length > 0) {
    if (pinned.some((c) => normalize(c.value ?? "") === normalize(value))) return;
    // Added after the capability's last pinned value, so the checklist groups them.
    const last = conversation.capabilities.lastIndexOf(pinned.at(-1) as CapabilityState);
    conversation.capabilities.splice(last + 1, 0, next);
    return;
  }
  const first = conversation.capabilities.findIndex((c) => c.id === id);
  const others = conversation.capabilities.filter((c) => c.id !== id);
  others.splice(first >= 0 ? first : others.length, 0, next);
  conversation.capabilities = others;
}

const QUANTITY = /(\d+(?:[.,]\d+)?)\s*-?\s*(\p{L}+)/gu;
const unitStem = (unit: string) => unit.toLowerCase().replace(/(es|s)$/, "");

/**
 * A refinement supersedes the pins it contradicts: "make it 7 days" replaces a pinned "5-day"
 * (same unit, another number) with the request's own words, so no prompt asks for both.
 */
export function supersedeQuantities(conversation: Conversation, request: string): void {
  const asked = [...request.matchAll(QUANTITY)].map((m) => ({ text: m[0], number: m[1], unit: unitStem(m[2] ?? "") }));
  if (asked.length === 0) return;
  for (const c of conversation.capabilities.filter((c) => c.status === "pinned" && c.value)) {
    for (const m of (c.value ?? "").matchAll(QUANTITY)) {
      const replacement = asked.find((a) => a.unit === unitStem(m[2] ?? "") && a.number !== m[1]);
      if (replacement) setCapabilityValue(conversation, c.id, "pinned", replacement.text, "correction");
    }
  }
}
