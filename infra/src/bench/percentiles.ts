/** Nearest-rank percentile of a sample (ms). */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank - 1, 0), sorted.length - 1)]!;
}

export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<{ p50: number; p95: number; runs: number }> {
  await fn(); // warm-up: first-touch of parts and caches is not what a merchant waits for twice
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}
