/**
 * The teacher: any OpenAI-compatible server (vLLM, llama.cpp server, a hosted API). One JSON answer
 * per request, kept to a schema with `response_format: json_schema` (strict); busy or failing
 * servers (429, 5xx, a dropped connection) are retried a few times with backoff.
 */
import { completionText, firstModelId } from "../model/openai/chat-request.js";

export interface TeacherRequest {
  /** The schema's name (the engine's call name for the engine's calls). */
  name: string;
  system: string;
  user: string;
  schema: object;
  maxTokens: number;
  temperature: number;
}

export interface Teacher {
  readonly model: string;
  /** The answer's text (JSON, unless the server broke its promise: the caller validates). */
  complete(request: TeacherRequest): Promise<string>;
}

export interface TeacherOptions {
  url: string;
  model?: string;
  apiKey?: string;
  signal?: AbortSignal;
  /** Per request, waiting included. Default 5 minutes (a large teacher under load is slow). */
  timeoutMs?: number;
  retries?: number;
  fetch?: typeof fetch;
}

export class TeacherError extends Error {}

const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

export async function createTeacher(options: TeacherOptions): Promise<Teacher> {
  const base = options.url.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const retries = options.retries ?? 3;

  const request = async (path: string, init: RequestInit): Promise<unknown> => {
    let last: unknown;
    for (let attempt = 0; attempt <= retries; attempt += 1) {
      if (attempt > 0) await sleep(250 * 2 ** attempt, options.signal);
      const timeout = AbortSignal.timeout(options.timeoutMs ?? 300_000);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let response: Response;
      try {
        response = await doFetch(`${base}${path}`, { ...init, headers, signal });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        last = error;
        continue;
      }
      if (response.ok) return response.json();
      const body = (await response.text().catch(() => "")).slice(0, 200);
      last = new TeacherError(`${path}: HTTP ${response.status}${body ? `: ${body}` : ""}`);
      if (!RETRYABLE.has(response.status)) break;
    }
    throw last instanceof TeacherError
      ? last
      : new TeacherError(`${path}: ${last instanceof Error ? last.message : String(last)}`);
  };

  let model = options.model;
  if (!model) {
    const listed = await request("/models", { method: "GET" }).catch((error: unknown) => {
      throw new TeacherError(`teacher ${base}: cannot list models (${(error as Error).message}); pass --teacher-model`);
    });
    model = firstModelId(listed);
    if (!model) throw new TeacherError(`teacher ${base}: GET /models listed no model; pass --teacher-model`);
  }
  const chosen = model;

  return {
    model: chosen,
    async complete(r) {
      const body = await request("/chat/completions", {
        method: "POST",
        body: JSON.stringify({
          model: chosen,
          messages: [
            { role: "system", content: r.system },
            { role: "user", content: r.user },
          ],
          max_tokens: r.maxTokens,
          temperature: r.temperature,
          response_format: { type: "json_schema", json_schema: { name: r.name, schema: r.schema, strict: true } },
        }),
      });
      try {
        return completionText(body);
      } catch (error) {
        throw new TeacherError((error as Error).message);
      }
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
