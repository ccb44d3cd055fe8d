/**
 * The report's main 0–1 figures as a standalone SVG bar chart (no dependencies), one group of
 * horizontal bars per figure and one bar per split plus "all", so a README can show it inline.
 */
import type { Report, Summary } from "./report-types.js";

const WIDTH = 720;
const LABEL_WIDTH = 190;
/** Room right of a full bar for its value label ("100.0 %"). */
const VALUE_WIDTH = 70;
const BAR_AREA = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
const BAR_HEIGHT = 14;
const BAR_GAP = 4;
const GROUP_GAP = 14;
const TOP = 56;
const FONT = 'font-family="system-ui, sans-serif" font-size="12"';
/** One colour per column, cycled; "all" is always the last column. */
const COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948"];

const FIGURES: readonly { label: string; value: (summary: Summary) => number | null }[] = [
  { label: "retention before repair", value: (s) => s.retention_before_repair },
  { label: "retention after repair", value: (s) => s.retention_after_repair },
  { label: "domain top-1", value: (s) => s.domain_top1 },
  { label: "language match", value: (s) => s.language_match },
  { label: "completion rate", value: (s) => (s.intents === 0 ? null : s.completed / s.intents) },
];

export function renderChart(report: Report): string {
  const columns: [string, Summary][] = [...Object.entries(report.splits), ["all", report.summary]];
  const groupHeight = columns.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const height = TOP + FIGURES.length * (groupHeight + GROUP_GAP) + 8;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ${FONT}>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="20" font-size="14" font-weight="bold">${escapeXml(`PromptTailor evaluation: ${report.model}`)}</text>`,
    ...legend(columns.map(([name]) => name)),
  ];

  FIGURES.forEach((figure, index) => {
    const groupTop = TOP + index * (groupHeight + GROUP_GAP);
    parts.push(`<text x="8" y="${groupTop + groupHeight / 2 + 4}">${escapeXml(figure.label)}</text>`);
    columns.forEach(([, summary], column) => {
      const y = groupTop + column * (BAR_HEIGHT + BAR_GAP);
      const value = figure.value(summary);
      const barWidth = value === null ? 0 : Math.max(0, Math.min(1, value)) * BAR_AREA;
      const label = value === null ? "–" : `${(value * 100).toFixed(1)} %`;
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${barWidth.toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour(column)}"/>`,
        `<text x="${(LABEL_WIDTH + barWidth + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 3}">${escapeXml(label)}</text>`,
      );
    });
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

function legend(names: readonly string[]): string[] {
  return names.flatMap((name, column) => {
    const x = 8 + column * 110;
    return [
      `<rect x="${x}" y="32" width="10" height="10" fill="${colour(column)}"/>`,
      `<text x="${x + 14}" y="41">${escapeXml(name)}</text>`,
    ];
  });
}

function colour(column: number): string {
  return COLOURS[column % COLOURS.length]!;
}

/** Model names and split names come from user input; they must not break the markup. */
export function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}
