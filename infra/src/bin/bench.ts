#!/usr/bin/env node
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readSection, replaceSection } from '../bench/benchmarks-file.js';
import { renderBenchmarks, runDashboardBench } from '../bench/dashboard-bench.js';
import { renderPwaBench, runPwaOverviewBench } from '../bench/pwa-overview-bench.js';

const arg = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`error: --${name} must be a positive integer`);
    process.exit(2);
  }
  return value;
};
const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;
if (only !== undefined && only !== 'dashboard' && only !== 'pwa') {
  console.error('error: --only must be dashboard or pwa');
  process.exit(2);
}
const log = (line: string) => console.log(line);

// pnpm runs package scripts from infra/; BENCHMARKS.md lives at the workspace root.
const out = resolve(process.cwd().endsWith('/infra') ? '..' : '.', 'BENCHMARKS.md');
const previous = existsSync(out) ? readFileSync(out, 'utf8') : '';

// The dashboard section is the head of the file; other tools own marked blocks after it.
let text: string;
if (only === 'pwa') {
  const head = previous.split('<!-- ')[0]?.trimEnd() ?? '';
  text = head === '' ? '# Benchmarks\n' : `${head}\n`;
} else {
  const report = await runDashboardBench({
    sizes: { small: arg('small', 100), median: arg('median', 1_000), large: arg('large', 25_000) },
    runs: arg('runs', 30),
    log,
  });
  text = renderBenchmarks(report);
}
const pwaPrevious = readSection(previous, 'pwa-bench');
if (only !== 'dashboard') {
  const pwa = await runPwaOverviewBench({ connections: arg('connections', 50), coldRequests: arg('cold-requests', 600), warmSeconds: arg('warm-seconds', 10), log });
  text = replaceSection(text, 'pwa-bench', renderPwaBench(pwa));
} else if (pwaPrevious) {
  text = replaceSection(text, 'pwa-bench', pwaPrevious);
}
// Written by `pnpm --filter @salla-analytics/pwa-main lighthouse`: kept as it is.
const lighthouse = readSection(previous, 'lighthouse');
if (lighthouse) text = replaceSection(text, 'lighthouse', lighthouse);
writeFileSync(out, text);
console.log(`wrote ${out}`);
