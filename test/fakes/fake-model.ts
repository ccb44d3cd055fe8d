/**
 * A recording fake of the model port for unit and adapter tests. Each call has a responder; the
 * defaults give valid answers: analyse asks about audience and tone, integrate pins the answers and
 * asks no more, synthesize writes a prompt that carries every pinned value it was given.
 */
import { TailorError } from "../../src/core/errors.js";
import type { ModelCallName, ModelPort, ModelRequest } from "../../src/core/ports.js";

export type Responder = (request: ModelRequest) => string | Error | Promise<string | Error>;

export interface FakeModelOptions {
  analyse?: Responder;
  integrate?: Responder;
  synthesize?: Responder;
  /** Queue positions reported (through `onQueuePosition`) before each call is answered, e.g. [2, 1, 0]. */
  queuePositions?: number[];
}

export const defaultAnalyse: Responder = () =>
  JSON.stringify({
    domain: "email",
    pinned: [],
    assumed: [{ capability: "length", value: "under 150 words" }],
    questions: [
      { capability: "audience", question: "Who will read it?", options: ["Investors", "Customers", "My team"] },
      { capability: "tone", question: "Which tone fits?", options: ["Formal", "Warm", "Direct"] },
    ],
  });

/** Pins each answer to the capabilities of the questions listed above it; other messages go to `context`. */
export const defaultIntegrate: Responder = (request) => {
  const pinned = new Map<string, string>();
  let asked: string[] = [];
  for (const line of request.user.split("\n")) {
    const question = /^Q \((\w+)\): /.exec(line);
    const answer = /^A: (.+)$/.exec(line);
    const wrote = /^User wrote: (.+)$/.exec(line);
    if (question?.[1]) asked.push(question[1]);
    else if (answer?.[1]) {
      for (const capability of asked) pinned.set(capability, answer[1]);
      asked = [];
    } else if (wrote?.[1]) {
      const context = pinned.get("context");
      pinned.set("context", context ? `${context}; ${wrote[1]}` : wrote[1]);
    }
  }
  return JSON.stringify({
    pinned: [...pinned].map(([capability, value]) => ({ capability, value })),
    more_questions: [],
  });
};

/** Quoted values of the "Pinned by the user" block of a synthesize request. */
export function pinnedValuesIn(user: string): string[] {
  const block = /Pinned by the user[^\n]*:\n([\s\S]*?)\n(?:Assumed|$)/.exec(user)?.[1] ?? "";
  return [...block.matchAll(/^- \w+: "(.*)"$/gm)].map((m) => m[1] ?? "");
}

export const defaultSynthesize: Responder = (request) => {
  const pinned = pinnedValuesIn(request.user);
  const refinement = /<request>\n([\s\S]*?)\n<\/request>/.exec(request.user)?.[1];
  const prompt = [
    "Role: You are an expert writer.",
    "Task: {{task}}",
    "Requirements:",
    ...pinned.map((value) => `- ${value}`),
    ...(refinement ? [`- Refined: ${refinement}`] : []),
    "Format: plain text.",
  ].join("\n");
  return JSON.stringify({ prompt, assumptions: ["The reader knows the product."], corrections: [] });
};

/** Characters per streamed piece (small, so a test sees many drafts). */
const STREAM_PIECE = 7;

/** A responder that works until its call is aborted (the Stop control, shutdown), then fails like a backend. */
export const untilAborted = (request: ModelRequest): Promise<string> =>
  new Promise((_, reject) => {
    const abort = () => reject(new TailorError("model.aborted", "the model call was aborted"));
    if (request.signal?.aborted) abort();
    request.signal?.addEventListener("abort", abort, { once: true });
  });

export class FakeModel implements ModelPort {
  readonly calls: ModelRequest[] = [];
  private readonly responders: Record<ModelCallName, Responder>;
  private readonly failures: Partial<Record<ModelCallName, Array<string | Error>>> = {};
  private readonly queuePositions: number[];

  constructor(options: FakeModelOptions = {}) {
    this.responders = {
      analyse: options.analyse ?? defaultAnalyse,
      integrate: options.integrate ?? defaultIntegrate,
      synthesize: options.synthesize ?? defaultSynthesize,
    };
    this.queuePositions = options.queuePositions ?? [];
  }

  /** The next `call` answers this (an Error is thrown, a string returned raw) instead of its responder. */
  failNext(call: ModelCallName, answer: string | Error = new TailorError("model.failed", "fake failure")): this {
    const queue = this.failures[call] ?? [];
    queue.push(answer);
    this.failures[call] = queue;
    return this;
  }

  setResponder(call: ModelCallName, responder: Responder): this {
    this.responders[call] = responder;
    return this;
  }

  callsOf(call: ModelCallName): ModelRequest[] {
    return this.calls.filter((c) => c.call === call);
  }

  async generateJson(request: ModelRequest): Promise<string> {
    this.calls.push(request);
    if (request.signal?.aborted) throw new TailorError("model.aborted", "aborted");
    for (const position of this.queuePositions) request.onQueuePosition?.(position);
    const answer = this.failures[request.call]?.shift() ?? (await this.responders[request.call](request));
    if (answer instanceof Error) throw answer;
    // Streams like the real backends: the pieces, joined, are the answer.
    if (request.onText)
      for (let at = 0; at < answer.length; at += STREAM_PIECE) request.onText(answer.slice(at, at + STREAM_PIECE));
    return answer;
  }

  describe(): string {
    return "fake model";
  }

  async close(): Promise<void> {}
}
