import { performance } from 'node:perf_hooks';

const WARM_UP = 3;

export const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Milliseconds per run of `action`, after a few warm-up runs. */
export async function time(runs: number, action: () => Promise<unknown>): Promise<number[]> {
  for (let run = 0; run < WARM_UP; run += 1) await action();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await action();
    samples.push(performance.now() - started);
  }
  return samples;
}
