/**
 * Downloads one `hf:` file into the models folder with node-llama-cpp's downloader. Its own
 * connection retries wait forever when the host cannot be reached, so a bounded probe of the
 * endpoint goes first: without network the start fails in seconds with a message saying how to
 * provide the file instead.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { createModelDownloader } from "node-llama-cpp";
import { TailorError } from "../../core/errors.js";
import type { ProgressReporter } from "./download-progress.js";
import { huggingFaceEndpoint } from "./hf-uri.js";

export interface DownloadOptions {
  uri: string;
  /** Where the file must end up (its folder is created). */
  destination: string;
  /** The variable an operator changes to use a local file instead (named in the error). */
  variable: "TAILOR_MODEL" | "TAILOR_LORA";
  signal?: AbortSignal;
  onProgress?: ProgressReporter;
  /** Bound on reaching the download host and learning the file's size. Default 20 s. */
  connectTimeoutMs?: number;
}

/** Returns the path of the downloaded file (for a split model, its first part). */
export async function downloadFile(options: DownloadOptions): Promise<string> {
  const file = path.basename(options.destination);
  const connectTimeoutMs = options.connectTimeoutMs ?? 20_000;
  const unavailable = (reason: string, cause?: unknown) =>
    new TailorError(
      "model.unavailable",
      `cannot download ${file} from ${options.uri} (${reason}). Without network, set ${options.variable} to a local .gguf path, ` +
        "or run `npm run models:pull` on a connected machine and copy its models/ folder here",
      { cause, retryable: false },
    );

  await probe(huggingFaceEndpoint(), connectTimeoutMs, options.signal).catch((error: unknown) => {
    if (options.signal?.aborted) throw aborted(file, error);
    throw unavailable(describeFailure(error), error);
  });

  await fs.mkdir(path.dirname(options.destination), { recursive: true });
  let downloader: Awaited<ReturnType<typeof createModelDownloader>>;
  try {
    downloader = await withDeadline(
      createModelDownloader({
        modelUri: options.uri,
        dirPath: path.dirname(options.destination),
        fileName: file,
        skipExisting: true,
        deleteTempFileOnCancel: false,
        onProgress: ({ downloadedSize, totalSize }) =>
          options.onProgress?.({ file, downloadedBytes: downloadedSize, totalBytes: totalSize }),
      }),
      connectTimeoutMs,
      options.signal,
    );
  } catch (error) {
    if (options.signal?.aborted) throw aborted(file, error);
    throw unavailable(describeFailure(error), error);
  }
  try {
    return await downloader.download(options.signal ? { signal: options.signal } : {});
  } catch (error) {
    if (options.signal?.aborted) throw aborted(file, error);
    throw unavailable(`download failed: ${describeFailure(error)}`, error);
  }
}

/** Any HTTP answer from the endpoint means it can be reached; only a network failure or silence fails. */
async function probe(endpoint: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
  const response = await fetch(endpoint, { method: "HEAD", redirect: "manual", signal: AbortSignal.any(signals) });
  await response.body?.cancel();
}

function withDeadline<T>(work: Promise<T>, timeoutMs: number, signal?: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = (reason: unknown) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      reject(reason);
    };
    const onAbort = () => stop(signal?.reason);
    const timer = setTimeout(() => stop(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => stop(error),
    );
  });
}

function aborted(file: string, cause: unknown): TailorError {
  return new TailorError("model.aborted", `download of ${file} stopped`, { cause });
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return "no answer in time";
  const cause = (error as { cause?: { code?: unknown; message?: unknown; errors?: { code?: unknown }[] } } | null)
    ?.cause;
  const code = cause?.code ?? cause?.errors?.[0]?.code;
  if (typeof code === "string") return `network: ${code}`;
  if (typeof cause?.message === "string") return `network: ${cause.message}`;
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.name;
  return String(error);
}
