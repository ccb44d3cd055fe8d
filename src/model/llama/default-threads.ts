/**
 * Default CPU threads and sequences. node-llama-cpp's own CPU default (4 threads) made a 2-vCPU
 * machine hundreds of times slower; on these machines 1 thread outran 2 by 1.4 to 3.5× (see
 * platform-notes and `npm run bench:model`), because the second vCPU is a hyperthread shared with
 * the rest of the process. Leave one core to the event loop and the platforms.
 */
import os from "node:os";

export function defaultThreads(cores = os.availableParallelism()): number {
  return cores <= 2 ? 1 : Math.min(cores - 1, 16);
}

/** Batching barely helps on a CPU (0.85–1.2× for 4 sequences) but keeps a slot for a second user. */
export function defaultSequences(gpu: boolean, cores = os.availableParallelism()): number {
  if (gpu) return 4;
  return cores <= 2 ? 2 : 4;
}
