/**
 * A real download through node-llama-cpp's downloader, from a local stand-in for Hugging Face
 * (HF_ENDPOINT on 127.0.0.1): the missing file lands in the models folder with progress, and the
 * next run finds it without asking the server again.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/log/logger.js";
import type { DownloadProgress } from "../../src/model/resolve/download-progress.js";
import { ensureModelFiles, resolveModelSpec } from "../../src/model/resolve/resolve-model.js";

const CONTENT = Buffer.concat([Buffer.from("GGUF"), Buffer.alloc(64 * 1024, 7)]);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function fakeHub(): Promise<{ url: string; paths: string[] }> {
  const paths: string[] = [];
  const server = http.createServer((req, res) => {
    paths.push(`${req.method} ${req.url}`);
    if (!req.url?.startsWith("/me/tiny-GGUF/resolve/main/tiny.gguf")) {
      res.writeHead(req.url === "/" ? 200 : 404).end();
      return;
    }
    const headers = { "content-length": String(CONTENT.length), "content-type": "application/octet-stream" };
    res.writeHead(200, headers);
    res.end(req.method === "HEAD" ? undefined : CONTENT);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, paths };
}

function withEnv(name: string, value: string): void {
  const before = process.env[name];
  process.env[name] = value;
  cleanups.push(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

describe("downloading an hf: model", () => {
  it("downloads a missing file into the models folder, then finds it offline", async () => {
    const hub = await fakeHub();
    withEnv("HF_ENDPOINT", hub.url);
    const modelsDir = fs.mkdtempSync(path.join(os.tmpdir(), "pt-download-"));
    cleanups.push(() => fs.rmSync(modelsDir, { recursive: true, force: true }));

    const spec = resolveModelSpec({ model: "hf:me/tiny-GGUF/tiny.gguf", modelsDir });
    const progress: DownloadProgress[] = [];
    const ready = await ensureModelFiles(spec, { logger: silentLogger, onProgress: (p) => progress.push(p) });

    expect(ready.model.path).toBe(path.join(modelsDir, "tiny.gguf"));
    expect(fs.readFileSync(ready.model.path).equals(CONTENT)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ file: "tiny.gguf", downloadedBytes: CONTENT.length });
    expect(hub.paths.some((p) => p.includes("/me/tiny-GGUF/resolve/main/tiny.gguf"))).toBe(true);

    const asked = hub.paths.length;
    const again = await ensureModelFiles(spec, { logger: silentLogger });
    expect(again.model.path).toBe(ready.model.path);
    expect(hub.paths.length).toBe(asked);
  }, 60_000);
});
