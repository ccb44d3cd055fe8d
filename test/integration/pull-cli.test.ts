/**
 * `npm run models:pull` as an operator runs it, offline: the download host is a closed port on
 * 127.0.0.1 (HF_ENDPOINT, which node-llama-cpp honours too), so this never reaches the internet.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = path.resolve(".");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const CLI = path.join(ROOT, "src/model/pull-cli.ts");

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A working directory with the committed presets in models/, like a fresh clone. */
function workdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pt-pull-"));
  temps.push(dir);
  fs.mkdirSync(path.join(dir, "models"));
  for (const name of fs.readdirSync(path.join(ROOT, "models")).filter((n) => n.endsWith(".json"))) {
    fs.copyFileSync(path.join(ROOT, "models", name), path.join(dir, "models", name));
  }
  return dir;
}

/** A port nothing listens on: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function runPull(cwd: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(TSX, [CLI], {
      cwd,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // A hang would be the bug under test: end the child (by its pid) rather than the test run.
    const timer = setTimeout(() => child.kill("SIGKILL"), 45_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe("npm run models:pull", () => {
  it("fails fast offline with one line naming the default preset's file, its URI and what to do", async () => {
    const cwd = workdir();
    const result = await runPull(cwd, { HF_ENDPOINT: `http://127.0.0.1:${await closedPort()}/` });
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    const lines = result.stderr.trim().split("\n");
    const failure = lines.find((l) => l.startsWith("models:pull failed:")) ?? "";
    expect(failure).toContain("Meta-Llama-3-8B-Instruct-Q4_K_M.gguf");
    expect(failure).toContain("hf:bartowski/Meta-Llama-3-8B-Instruct-GGUF");
    expect(failure).toContain("TAILOR_MODEL");
    expect(failure).toContain("npm run models:pull");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readdirSync(path.join(cwd, "models")).filter((f) => f.endsWith(".gguf"))).toEqual([]);
  }, 60_000);

  it("accepts an existing local .gguf and an adapter with a scale, printing their paths", async () => {
    const cwd = workdir();
    fs.mkdirSync(path.join(cwd, "weights"));
    fs.writeFileSync(path.join(cwd, "weights/base.gguf"), "GGUF");
    fs.writeFileSync(path.join(cwd, "weights/pt.gguf"), "GGUF");
    const result = await runPull(cwd, { TAILOR_MODEL: "weights/base.gguf", TAILOR_LORA: "weights/pt.gguf@0.7" });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`model: ${path.join(cwd, "weights/base.gguf")}`);
    expect(result.stdout).toContain(`lora: ${path.join(cwd, "weights/pt.gguf")}@0.7`);
  }, 60_000);

  it("exits non-zero naming TAILOR_MODEL and the path when the local file is missing", async () => {
    const cwd = workdir();
    const result = await runPull(cwd, { TAILOR_MODEL: "weights/missing.gguf" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("TAILOR_MODEL");
    expect(result.stderr).toContain(path.join(cwd, "weights/missing.gguf"));
  }, 60_000);
});
