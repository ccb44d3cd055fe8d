/**
 * Optional pairwise LLM judge, measured as BPO does: a target model answers the raw intent, a
 * chain-of-thought version of it and the tailored prompt; a judge model then compares the tailored
 * answer with each of the other two. Each pair is judged in both positions (A/B, then B/A) and only
 * a verdict that survives the swap counts, which cancels the judge's position bias.
 * @see https://arxiv.org/abs/2311.04155 (BPO: black-box prompt optimization, pairwise evaluation)
 */
import { z } from "zod";
import type { JudgeOutcome } from "./report-types.js";

export interface JudgeOptions {
  /** Base URL of an OpenAI-compatible server (`…/v1`) that runs the judge model. */
  judgeUrl: string;
  /** Base URL of an OpenAI-compatible server (`…/v1`) that runs the model answering the prompts. */
  targetUrl: string;
  /** Default: the first id of `GET {judgeUrl}/models`. */
  judgeModel?: string;
  /** Default: the first id of `GET {targetUrl}/models`. */
  targetModel?: string;
  /** Sent as a bearer token to both servers. */
  apiKey?: string;
  signal?: AbortSignal;
  /** Per request; default 120 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 120_000;
/** Every answer is cut at the same length, so none of the three wins by being longer. */
const ANSWER_MAX_TOKENS = 1024;
/** The verdict is one token; a little room for a model that adds a word or a full stop. */
const VERDICT_MAX_TOKENS = 16;

const modelsShape = z.object({ data: z.array(z.object({ id: z.string() })).min(1) });
const completionShape = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }) })).min(1),
});

export async function judgeIntent(
  intent: string,
  tailoredPrompt: string,
  options: JudgeOptions,
): Promise<{ vs_raw: JudgeOutcome; vs_cot: JudgeOutcome }> {
  const target = endpoint("targetUrl", options.targetUrl, options.apiKey);
  const judge = endpoint("judgeUrl", options.judgeUrl, options.apiKey);
  const [targetModel, judgeModel] = await Promise.all([
    options.targetModel ?? firstModel(target, options),
    options.judgeModel ?? firstModel(judge, options),
  ]);

  const answer = (content: string) => complete(target, targetModel, content, ANSWER_MAX_TOKENS, options);
  const [raw, cot, tailored] = await Promise.all([
    answer(intent),
    answer(`${intent}\n\nLet's think step by step.`),
    answer(tailoredPrompt),
  ]);

  const verdict = async (first: string, second: string) =>
    parseVerdict(await complete(judge, judgeModel, judgePrompt(intent, first, second), VERDICT_MAX_TOKENS, options));
  const pair = async (other: string): Promise<JudgeOutcome> => {
    const [tailoredFirst, tailoredSecond] = await Promise.all([verdict(tailored, other), verdict(other, tailored)]);
    if (tailoredFirst === "A" && tailoredSecond === "B") return "win";
    if (tailoredFirst === "B" && tailoredSecond === "A") return "loss";
    return "tie";
  };
  const [vsRaw, vsCot] = await Promise.all([pair(raw), pair(cot)]);
  return { vs_raw: vsRaw, vs_cot: vsCot };
}

/** The judge sees the user's own request: the tailored prompt must serve that, not itself. */
function judgePrompt(intent: string, responseA: string, responseB: string): string {
  // One user turn, no system turn: some chat templates (Gemma) refuse a system role.
  return [
    "You are an impartial judge. Two assistants answered the same user request. Decide which response",
    "serves the request better: more helpful, accurate and complete, and faithful to what the user asked.",
    "Do not let the order of the responses or their length decide.",
    "",
    "[User request]",
    intent,
    "",
    "[Response A]",
    responseA,
    "",
    "[Response B]",
    responseB,
    "",
    "Answer with exactly one token: A, B, or tie.",
  ].join("\n");
}

/** The first A, B or tie as a word; anything else is no preference, hence a tie. */
export function parseVerdict(content: string): "A" | "B" | "tie" {
  // Reasoning models may think aloud first; only what follows the thinking is the verdict.
  const answer = content.replace(/<think>[\s\S]*?<\/think>/gi, "");
  const match = /\b(a|b|tie)\b/i.exec(answer)?.[1]?.toLowerCase();
  if (match === "a") return "A";
  if (match === "b") return "B";
  return "tie";
}

interface Endpoint {
  /** Where requests go: origin and path, query kept (some gateways need one). */
  base: URL;
  /** For messages: no credentials, no query. */
  shown: string;
  headers: Record<string, string>;
}

function endpoint(option: string, url: string, apiKey: string | undefined): Endpoint {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new Error(`judge: ${option} is not a URL`);
  }
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  else if (base.username || base.password) {
    // fetch refuses credentials in a URL (and would repeat them in its error); send them as a header.
    const user = `${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`;
    headers.authorization = `Basic ${Buffer.from(user).toString("base64")}`;
  }
  base.username = "";
  base.password = "";
  base.pathname = base.pathname.replace(/\/+$/, "");
  return { base, shown: `${base.origin}${base.pathname}`, headers };
}

async function firstModel(server: Endpoint, options: JudgeOptions): Promise<string> {
  const body = await request(server, "/models", undefined, options);
  const parsed = modelsShape.safeParse(body);
  if (!parsed.success) throw new Error(`${server.shown}/models: no model listed`);
  return parsed.data.data[0]!.id;
}

async function complete(
  server: Endpoint,
  model: string,
  content: string,
  maxTokens: number,
  options: JudgeOptions,
): Promise<string> {
  const body = await request(
    server,
    "/chat/completions",
    { model, messages: [{ role: "user", content }], temperature: 0, max_tokens: maxTokens },
    options,
  );
  const parsed = completionShape.safeParse(body);
  if (!parsed.success) throw new Error(`${server.shown}/chat/completions: answer has no message`);
  return parsed.data.choices[0]!.message.content ?? "";
}

/** GET without a body, POST with one; a non-2xx status, a network error or the timeout throws naming the URL. */
async function request(server: Endpoint, path: string, body: unknown, options: JudgeOptions): Promise<unknown> {
  const url = new URL(server.base);
  url.pathname = `${url.pathname}${path}`;
  const shown = `${server.shown}${path}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, {
      method: body === undefined ? "GET" : "POST",
      headers: server.headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (!response.ok) {
      const detail = (await response.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
      throw new HttpStatusError(`${shown} answered ${response.status}${detail ? `: ${detail}` : ""}`);
    }
    return await response.json();
  } catch (error) {
    if (error instanceof HttpStatusError) throw error;
    // The caller's own abort is theirs to recognise: pass it through unchanged.
    if (options.signal?.aborted) throw error;
    if (timeout.aborted) throw new Error(`${shown}: no answer within ${timeoutMs / 1000} s`, { cause: error });
    const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
    throw new Error(`${shown}: request failed${reason ? ` (${reason})` : ""}`, { cause: error });
  }
}

class HttpStatusError extends Error {}
