/**
 * Safe mrkdwn: every piece of model or user text goes through `escapeMrkdwn` so `<!channel>`, `<!here>`,
 * `<!everyone>` and `<@U…>` stay visible as text and never notify anyone.
 * @see https://api.slack.com/reference/surfaces/formatting#escaping
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** `escapeMrkdwn` undone: text the bot posted, read back from a payload. */
export function unescapeMrkdwn(text: string): string {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

const ELLIPSIS = "…";
/** An entity cut short at the end of a truncated string (`&am`), which Slack would show raw. */
const PARTIAL_ENTITY = /&[a-z]{0,3}$/;

/** Shortens already-escaped mrkdwn to `max` characters without cutting an entity in half. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = sliceWhole(text, max - ELLIPSIS.length).replace(PARTIAL_ENTITY, "");
  return `${cut}${ELLIPSIS}`;
}

/** Escapes, then shortens: the usual path for a piece of text in a section. */
export const safeMrkdwn = (text: string, max: number): string => truncateMrkdwn(escapeMrkdwn(text), max);

/**
 * A plain-text label (buttons). Slack does not parse plain text for mentions, but angle brackets get
 * look-alikes anyway, so no label ever carries a `<!here>` that some client might render live.
 */
export const plainLabel = (text: string, max: number): string =>
  truncatePlain(text.replaceAll("<", "‹").replaceAll(">", "›"), max);

/** Shortens plain text. */
export function truncatePlain(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${sliceWhole(text, max - ELLIPSIS.length)}${ELLIPSIS}`;
}

/** `slice` that never leaves half of a surrogate pair (an emoji) at the end. */
function sliceWhole(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Quotes text as a mrkdwn block quote, line by line. */
export const quoteMrkdwn = (escaped: string): string =>
  escaped
    .split("\n")
    .map((line) => `>${line}`)
    .join("\n");
