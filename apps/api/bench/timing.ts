import { performance } from 'node:perf_hooks';

const WARM_UP = 3;

export const percentile = (samples: number[], p: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Milliseconds per run of `action`, after `warmUp` runs. */
export async function time(runs: number, action: () => Promise<unknown>, warmUp = WARM_UP): Promise<number[]> {
  for (let run = 0; run < warmUp; run += 1) await action();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push(await timed(action));
  return samples;
}

/**
 * Milliseconds per run of two actions measured against each other, taken in turns (a, b, a, b …)
 * after `warmUp` turns. Timed one block after the other, the second action would run under
 * other conditions: a raw statement repeated in a tight loop finds every cache warm, which no
 * statement inside a request does, and a machine that slows down for a while slows one side only.
 */
export async function timeInTurns(
  runs: number,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  warmUp = WARM_UP,
): Promise<[number[], number[]]> {
  for (let run = 0; run < warmUp; run += 1) {
    await a();
    await b();
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    samplesA.push(await timed(a));
    samplesB.push(await timed(b));
  }
  return [samplesA, samplesB];
}
