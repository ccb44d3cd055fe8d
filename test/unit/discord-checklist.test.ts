import { describe, expect, it } from "vitest";
import type { ChecklistItem, DiffLine } from "../../src/core/engine-api.js";
import { controlLabels } from "../../src/core/messages/control-labels.js";
import { renderChanges } from "../../src/platforms/discord/render-changes.js";
import { renderChecklist } from "../../src/platforms/discord/render-checklist.js";

const checklist: ChecklistItem[] = [
  { capability: "audience", label: "Audience", status: "pinned", value: "Investors", options: [] },
  {
    capability: "tone",
    label: "Tone",
    status: "assumed",
    value: "friendly",
    source: "default",
    changed: true,
    options: [],
  },
  { capability: "length", label: "Length", status: "open", changed: true, options: [] },
];

describe("the checklist", () => {
  it("marks what this version changed and which values are the server's defaults", () => {
    const embed = renderChecklist({
      checklist,
      assumptions: [],
      repaired: [],
      version: 2,
      changes: [],
      slotMenu: true,
    });
    expect(embed.description).toContain("• Audience: Investors");
    expect(embed.description).toContain("• Tone ✎: friendly *(server default)*");
    expect(embed.description).toContain("Length ✎");
    expect(embed.description).toContain("✎ changed");
    expect(embed.description).toContain("change one with the menu below");
  });

  it("says first what the alignment check added back", () => {
    const embed = renderChecklist({ checklist, assumptions: [], repaired: ["audience: Investors"] });
    expect(embed.description?.startsWith("⚠️ Added back what the draft left out: audience: Investors")).toBe(true);
  });

  it("writes its words in the conversation's language", () => {
    const changes: DiffLine[] = [{ op: "added", text: "Kurz halten." }];
    const embed = renderChecklist({
      checklist,
      assumptions: [],
      repaired: ["Publikum: Investoren"],
      version: 2,
      changes,
      labels: controlLabels("de"),
    });
    expect(embed.description).toContain("Wieder ergänzt, was der Entwurf ausgelassen hat: Publikum: Investoren");
    expect(embed.description).toContain("✎ geändert");
    expect(embed.fields?.[0]?.name).toBe("Was sich geändert hat: v1 → v2 (+1 −0)");
  });

  it("shows what changed only from version 2 on", () => {
    const changes: DiffLine[] = [{ op: "added", text: "Keep it under 100 words." }];
    expect(renderChecklist({ checklist, assumptions: [], repaired: [], version: 1, changes }).fields).toBeUndefined();
    const [field] = renderChecklist({ checklist, assumptions: [], repaired: [], version: 2, changes }).fields ?? [];
    expect(field?.name).toBe("What changed: v1 → v2 (+1 −0)");
  });
});

describe("what changed", () => {
  it("is a diff block behind a spoiler: collapsed until clicked", () => {
    const field = renderChanges(
      [
        { op: "removed", text: "Tone: formal." },
        { op: "added", text: "Tone: warm." },
      ],
      3,
    );
    expect(field).toEqual({
      name: "What changed: v2 → v3 (+1 −1)",
      value: "||```diff\n- Tone: formal.\n+ Tone: warm.\n```||",
    });
  });

  it("says so when the text did not change", () => {
    expect(renderChanges([], 2).value).toBe("Nothing changed from the previous version.");
  });

  it("stays compact and within an embed field's 1024 characters, whatever the lines hold", () => {
    const lines: DiffLine[] = Array.from({ length: 40 }, (_, i) => ({
      op: i % 2 ? "added" : "removed",
      text: `${"``` || ".repeat(30)} line ${i}`,
    }));
    const { value } = renderChanges(lines, 2);
    expect(value.length).toBeLessThanOrEqual(1024);
    expect(value.match(/```/g)).toHaveLength(2);
    expect(value.match(/\|\|/g)).toHaveLength(2);
    expect(value).toMatch(/# … \d+ more lines\n```\|\|$/);
    expect(value.split("\n").length).toBeLessThanOrEqual(15);
  });

  it("counts the lines it left out in the conversation's language", () => {
    const lines: DiffLine[] = Array.from({ length: 20 }, (_, i) => ({ op: "added", text: `línea ${i}` }));
    const { name, value } = renderChanges(lines, 2, controlLabels("es"));
    expect(name).toBe("Qué cambió: v1 → v2 (+20 −0)");
    expect(value).toMatch(/# … 8 líneas más\n```\|\|$/);
    expect(renderChanges(lines.slice(0, 13), 2, controlLabels("fr")).value).toMatch(/# … 1 ligne de plus\n```\|\|$/);
  });
});
