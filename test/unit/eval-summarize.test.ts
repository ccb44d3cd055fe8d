/**
 * summarize(): which results each figure counts, how nulls are skipped, medians and rounding.
 */
import { describe, expect, it } from "vitest";
import type { IntentResult } from "../../src/eval/report-types.js";
import { summarize, summarizeSplits } from "../../src/eval/summarize.js";
import { evalCall, intentResult } from "../fakes/intent-result.js";

const call = evalCall;

const result = intentResult;

const failed = (overrides: Partial<IntentResult> = {}) =>
  result({
    prompt: "",
    failure: { code: "model_unavailable", message: "the model did not answer" },
    retention_before_repair: 0,
    retention_after_repair: 0,
    domain_match: false,
    language_match: false,
    calls: 9,
    seconds_to_prompt: null,
    ...overrides,
  });

describe("summarize", () => {
  it("counts intents, completed and failures", () => {
    const summary = summarize([result(), result({ id: "t002" }), failed({ id: "t003" })], false);
    expect(summary).toMatchObject({ intents: 3, completed: 2, failures: 1 });
  });

  it("averages per-prompt figures over completed results only", () => {
    const summary = summarize([result({ calls: 2 }), result({ calls: 4 }), failed()], false);
    expect(summary.calls_per_prompt).toBe(3);
    expect(summary.retention_before_repair).toBe(1);
    expect(summary.domain_top1).toBe(1);
  });

  it("skips nulls in retention, domain and language shares, and gives null when none is measured", () => {
    const summary = summarize(
      [
        result({ retention_before_repair: 0.5, domain_match: true, language_match: null }),
        result({ retention_before_repair: null, domain_match: false, language_match: null }),
        result({ retention_before_repair: 1, domain_match: null, language_match: null }),
      ],
      false,
    );
    expect(summary.retention_before_repair).toBe(0.75);
    expect(summary.domain_top1).toBe(0.5);
    expect(summary.language_match).toBeNull();
  });

  it("rounds shares to 3 decimals, tokens to 1 and seconds to 2", () => {
    const summary = summarize(
      [
        result({ domain_match: true, prompt_tokens: 10, seconds_to_first_reply: 1.234 }),
        result({ domain_match: false, prompt_tokens: 11, seconds_to_first_reply: 1.234 }),
        result({ domain_match: false, prompt_tokens: 11, seconds_to_first_reply: 9 }),
      ],
      false,
    );
    expect(summary.domain_top1).toBe(0.333);
    expect(summary.prompt_tokens_per_prompt).toBe(10.7);
    expect(summary.seconds_to_first_reply_p50).toBe(1.23);
  });

  it("averages sections and prompt tokens, skipping unknown token counts", () => {
    const summary = summarize(
      [
        result({ sections: ["Role", "Task", "Format"], prompt_tokens: null }),
        result({ sections: [], prompt_tokens: 20 }),
      ],
      false,
    );
    expect(summary.sections_per_prompt).toBe(1.5);
    expect(summary.prompt_tokens_per_prompt).toBe(20);
  });

  it("takes latency medians across every call and every result, failed ones included", () => {
    const summary = summarize(
      [
        result({ call_log: [call(1000), call(3000)], seconds_to_first_reply: 1, seconds_to_prompt: 4 }),
        failed({ call_log: [call(2000), call(10_000)], seconds_to_first_reply: 5, seconds_to_prompt: null }),
        result({ call_log: [], seconds_to_first_reply: 3, seconds_to_prompt: 6 }),
      ],
      false,
    );
    expect(summary.seconds_per_call_p50).toBe(2.5);
    expect(summary.seconds_to_first_reply_p50).toBe(3);
    expect(summary.seconds_to_prompt_p50).toBe(5);
  });

  it("gives null averages and medians for an empty or all-failed set", () => {
    const summary = summarize([failed({ call_log: [] })], true);
    expect(summary.calls_per_prompt).toBeNull();
    expect(summary.retention_after_repair).toBeNull();
    expect(summary.seconds_per_call_p50).toBeNull();
    expect(summary.seconds_to_prompt_p50).toBeNull();
    expect(summarize([], false)).toMatchObject({ intents: 0, completed: 0, failures: 0, domain_top1: null });
  });

  it("tallies judge outcomes only when judged, over results that have a verdict", () => {
    const results = [
      result({ judge: { vs_raw: "win", vs_cot: "tie" } }),
      result({ judge: { vs_raw: "win", vs_cot: "loss" } }),
      result({ judge: null }),
      failed(),
    ];
    expect(summarize(results, false).judge).toBeNull();
    expect(summarize(results, true).judge).toEqual({
      vs_raw: { win: 2, tie: 0, loss: 0 },
      vs_cot: { win: 0, tie: 1, loss: 1 },
    });
  });
});

describe("summarizeSplits", () => {
  it("groups by split and leaves out results without one", () => {
    const splits = summarizeSplits(
      [
        result({ split: "tuning" }),
        result({ split: "heldout" }),
        failed({ split: "heldout" }),
        result({ split: null }),
      ],
      false,
    );
    expect(Object.keys(splits)).toEqual(["tuning", "heldout"]);
    expect(splits.tuning).toMatchObject({ intents: 1, completed: 1 });
    expect(splits.heldout).toMatchObject({ intents: 2, completed: 1, failures: 1 });
  });
});
