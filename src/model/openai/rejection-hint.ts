/**
 * One line for the operator when the OpenAI-compatible server rejects a request: which setting
 * to look at. The key itself is never part of it.
 */
export function rejectionHint(status: number, what: "chat" | "models"): string {
  if (status === 401 || status === 403)
    return `the OpenAI-compatible server refused the credentials (HTTP ${status}): check TAILOR_LLM_API_KEY`;
  if (status === 404)
    return what === "models"
      ? "the OpenAI-compatible server has no /models (HTTP 404): check TAILOR_LLM_URL (it usually ends in /v1) or set TAILOR_LLM_MODEL"
      : "the OpenAI-compatible server answered 404: check TAILOR_LLM_URL (it usually ends in /v1) and TAILOR_LLM_MODEL (a model it serves)";
  if (status === 400 || status === 422)
    return `the OpenAI-compatible server rejected the request (HTTP ${status}): check TAILOR_LLM_MODEL and that the server supports response_format json_schema`;
  return `the OpenAI-compatible server answered HTTP ${status}: check TAILOR_LLM_URL`;
}

/** The start of a server's error body, for logs: enough to see what it said, never a flood. */
export function bodySnippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 300 ? `${flat.slice(0, 300)}…` : flat;
}

/** The server's address for logs and `describe()`: no credentials, no query string. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, "");
  } catch {
    return "(invalid URL)";
  }
}
