#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderBenchmarks, runDashboardBench } from '../bench/dashboard-bench.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`error: --${name} must be a positive integer`);
    process.exit(2);
  }
  return value;
};

const report = await runDashboardBench({
  sizes: { small: arg('small', 100), median: arg('median', 1_000), large: arg('large', 25_000) },
  runs: arg('runs', 30),
  log: (line) => console.log(line),
});
// pnpm runs package scripts from infra/; BENCHMARKS.md lives at the workspace root.
const out = resolve(process.cwd().endsWith('/infra') ? '..' : '.', 'BENCHMARKS.md');
writeFileSync(out, renderBenchmarks(report));
console.log(`wrote ${out}`);
