import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import { startHealthServer } from "../../src/ops/health-server.js";
import { createTailorMetrics } from "../../src/ops/tailor-metrics.js";

/** Parses Prometheus text exposition: every non-comment line is `name{labels} value`. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\{[^}]*\})?) (-?[0-9.eE+]+|\+Inf|NaN)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    samples.set(match[1] ?? "", Number(match[2]));
  }
  return samples;
}

describe("health server and metrics", () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it("answers liveness, readiness from its checks, and a Prometheus scrape", async () => {
    const metrics = createTailorMetrics();
    metrics.modelCalls.inc({ call: "analyse", outcome: "ok" });
    metrics.modelLatency.observe(1.5, { call: "analyse" });
    let storeUp = true;
    const server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
      renderMetrics: () => metrics.registry.render(),
      checks: [
        { name: "store", check: async () => storeUp },
        { name: "model", check: async () => true },
      ],
    });
    closers.push(server.close);
    const base = `http://127.0.0.1:${server.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    storeUp = false;
    const notReady = await fetch(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toMatchObject({ checks: { store: false, model: true } });

    const scrape = await fetch(`${base}/metrics`);
    expect(scrape.headers.get("content-type")).toContain("text/plain");
    const samples = parsePrometheus(await scrape.text());
    expect(samples.get('tailor_model_calls_total{call="analyse",outcome="ok"}')).toBe(1);
    expect(samples.get('tailor_model_call_seconds_bucket{call="analyse",le="2"}')).toBe(1);
    expect(samples.get('tailor_model_call_seconds_bucket{call="analyse",le="1"}')).toBe(0);
    expect(samples.get("tailor_conversations_started_total")).toBe(0);
  });

  it("answers 503 when a check hangs past its timeout", async () => {
    const server = await startHealthServer({
      port: 0,
      host: "127.0.0.1",
      logger: silentLogger,
      checkTimeoutMs: 50,
      renderMetrics: () => "",
      checks: [{ name: "store", check: () => new Promise<boolean>(() => {}) }],
    });
    closers.push(server.close);
    expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(503);
  });
});
