/**
 * Default CPU threads and sequences, from `npm run bench:model` (26M-parameter F32 llama, 96 forced
 * tokens a call, medians of 3 rounds; tokens/s for 1 call / 4 concurrent calls):
 *
 *   2 vCPUs (project machine, shared): 1 thread 99 / 117, 2 threads 70 / 158; platform-notes saw
 *     1 thread outrun 2 by 1.4–3.5× on 27M and 113M models. node-llama-cpp's own default (4) was
 *     hundreds of times slower there.
 *   16 cores, idle: 1 → 97 / 109, 2 → 205 / 194, 4 → 245 / 355, 6 → 373 / 599, 8 → 487 / 703,
 *     12 → 490 / 717, 15 → 478 / 574, 16 → 456 / 426.
 *
 * Decoding stops scaling at about half the cores and falls off near all of them (the event loop and
 * libuv's threads compete), so half the logical cores: 1 on 2 vCPUs, 8 on 16. Above 32 cores the cap
 * is a guess (not measured).
 */
import os from "node:os";

export function defaultThreads(cores = os.availableParallelism()): number {
  return Math.min(Math.max(1, Math.floor(cores / 2)), 16);
}

/** Batching helps little on a CPU (0.85–1.45× for 4 sequences) but keeps a slot for a second user. */
export function defaultSequences(gpu: boolean, cores = os.availableParallelism()): number {
  if (gpu) return 4;
  return cores <= 2 ? 2 : 4;
}
