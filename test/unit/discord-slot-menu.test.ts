import { ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import type { ChecklistItem } from "../../src/core/engine-api.js";
import { DISCORD_LIMITS } from "../../src/platforms/discord/discord-limits.js";
import { normalizeComponent, normalizeModal } from "../../src/platforms/discord/normalize-events.js";
import { editableItems, parseSlotChoice, renderSlotMenu } from "../../src/platforms/discord/slot-menu.js";
import { buildSlotModal } from "../../src/platforms/discord/slot-modal.js";

const item = (overrides: Partial<ChecklistItem> & Pick<ChecklistItem, "capability">): ChecklistItem => ({
  label: overrides.capability.replace(/_/g, " "),
  status: "assumed",
  options: [],
  ...overrides,
});

const checklist: ChecklistItem[] = [
  item({
    capability: "audience",
    label: "Audience",
    status: "pinned",
    value: "Investors",
    options: ["Investors", "Customers", "My team"],
  }),
  item({
    capability: "tone",
    label: "Tone",
    value: "Formal",
    source: "default",
    options: ["Formal", "Warm", "Direct"],
  }),
  item({ capability: "length", label: "Length", status: "open", options: ["Short", "Long"] }),
];

const optionsOf = (row: ReturnType<typeof renderSlotMenu>) => {
  const select = row?.components[0];
  return select?.type === ComponentType.StringSelect ? select.options : [];
};

describe("the Change a setting menu", () => {
  it("offers each pinned or assumed setting's other values and Other…, never open ones", () => {
    expect(editableItems(checklist).map((i) => i.capability)).toEqual(["audience", "tone"]);
    const row = renderSlotMenu(checklist);
    expect(row?.components[0]).toMatchObject({ type: ComponentType.StringSelect, custom_id: "tailor:slot" });
    expect(optionsOf(row).map((o) => o.label)).toEqual([
      "Audience → Customers",
      "Audience → My team",
      "Audience → Other…",
      "Tone → Warm",
      "Tone → Direct",
      "Tone → Other…",
    ]);
    expect(optionsOf(row)[2]?.description).toBe("Now: Investors");
  });

  it("is absent when nothing can be changed", () => {
    expect(renderSlotMenu([item({ capability: "goal", status: "open" })])).toBeUndefined();
  });

  it("shares Discord's 25 options fairly, keeps every Other…, and drops values too long to read back", () => {
    const many = Array.from({ length: 20 }, (_, i) => `choice ${i}`);
    const crowded = [
      item({ capability: "audience", label: "Audience", options: many }),
      item({ capability: "tone", label: "Tone", options: [...many, "x".repeat(90)] }),
      item({ capability: "format", label: "Format", options: many }),
    ];
    const options = optionsOf(renderSlotMenu(crowded));
    expect(options).toHaveLength(DISCORD_LIMITS.selectOptions);
    expect(options.filter((o) => o.label.endsWith("Other…"))).toHaveLength(3);
    for (const label of ["Audience", "Tone", "Format"])
      expect(options.filter((o) => o.label.startsWith(label)).length).toBeGreaterThanOrEqual(7);
    for (const option of options) {
      expect(option.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.selectOptionLabel);
      expect(option.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.selectOptionLabel);
    }
    expect(new Set(options.map((o) => o.value)).size).toBe(options.length);
  });

  it("reads a choice back from its value alone, and refuses anything else", () => {
    const options = optionsOf(renderSlotMenu(checklist));
    expect(parseSlotChoice(options[0]!.value)).toEqual({ kind: "set", capability: "audience", value: "Customers" });
    expect(parseSlotChoice(options[5]!.value, options[5])).toEqual({
      kind: "other",
      capability: "tone",
      label: "Tone",
      now: "Now: Formal",
    });
    expect(parseSlotChoice("set:not_a_capability=x")).toBeUndefined();
    expect(parseSlotChoice("set:tone=")).toBeUndefined();
    expect(parseSlotChoice("whatever")).toBeUndefined();
  });

  it("becomes a slot event, or opens a modal whose text becomes one", () => {
    const row = renderSlotMenu(checklist)!;
    const facts = {
      interactionId: "i1",
      place: { kind: "thread" as const, guildId: "G", channelId: "T", parentId: "C" },
      user: { id: "u1" },
      customId: "tailor:slot",
      component: "select" as const,
      rows: [row],
    };
    const set = normalizeComponent({ ...facts, values: ["set:tone=Warm"] });
    expect(set.action === "turn" && set.event).toMatchObject({ kind: "slot", capability: "tone", value: "Warm" });
    const other = normalizeComponent({ ...facts, values: ["other:tone"] });
    if (other.action !== "open-modal" || other.modal.kind !== "slot") throw new Error("expected a modal");

    const modal = buildSlotModal(other.modal.choice);
    expect(modal.custom_id).toBe("tailor:slot:tone");
    expect(modal.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.modalTitle);
    const [label] = modal.components;
    expect(label).toMatchObject({ type: ComponentType.Label, description: "Now: Formal" });
    const submitted = normalizeModal({
      interactionId: "i2",
      place: facts.place,
      user: facts.user,
      customId: modal.custom_id,
      fields: new Map([["tailor:slot-value", "  playful  "]]),
      round: undefined,
    });
    expect(submitted.action === "turn" && submitted.event).toMatchObject({
      kind: "slot",
      capability: "tone",
      value: "playful",
    });
    const blank = normalizeModal({
      ...facts,
      customId: modal.custom_id,
      fields: new Map([["tailor:slot-value", " "]]),
      round: undefined,
    });
    expect(blank.action).toBe("empty");
  });
});
