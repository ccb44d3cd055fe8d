/**
 * /healthz (alive), /readyz (model loaded, store reachable, platforms connected) and /metrics.
 */
import { createServer, type Server } from "node:http";
import type { Logger } from "../core/ports.js";

export interface ReadinessCheck {
  name: string;
  /** Resolves true when ready; a rejection or false means not ready. */
  check(signal: AbortSignal): Promise<boolean>;
}

export interface HealthServerOptions {
  port: number;
  host?: string;
  checks: ReadinessCheck[];
  renderMetrics: () => string;
  logger: Logger;
  /** Per-check timeout so a hung dependency answers 503 instead of hanging the probe. */
  checkTimeoutMs?: number;
}

export async function startHealthServer(
  options: HealthServerOptions,
): Promise<{ port: number; close(): Promise<void> }> {
  const timeoutMs = options.checkTimeoutMs ?? 2000;
  const readiness = async (): Promise<Record<string, boolean>> => {
    const results = await Promise.all(
      options.checks.map(async (c) => {
        const signal = AbortSignal.timeout(timeoutMs);
        const timedOut = new Promise<boolean>((resolve) => signal.addEventListener("abort", () => resolve(false)));
        const ok = await Promise.race([c.check(signal).catch(() => false), timedOut]);
        return [c.name, ok] as const;
      }),
    );
    return Object.fromEntries(results);
  };

  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405).end();
    } else if (path === "/healthz") {
      res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}\n');
    } else if (path === "/readyz") {
      readiness().then(
        (checks) => {
          const ready = Object.values(checks).every(Boolean);
          res
            .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
            .end(`${JSON.stringify({ status: ready ? "ready" : "not ready", checks })}\n`);
        },
        () => res.writeHead(503).end(),
      );
    } else if (path === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" }).end(options.renderMetrics());
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  options.logger.info("health endpoints listening", { port, paths: ["/healthz", "/readyz", "/metrics"] });
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
