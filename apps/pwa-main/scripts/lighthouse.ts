#!/usr/bin/env tsx
// Lighthouse 12 on the Overview page of the production build (Debian Chromium, CHROME_PATH),
// signed in to the demo store. Prints the scores, keeps the HTML report under .lighthouse/, writes
// the "Lighthouse" section of BENCHMARKS.md, and fails below 0.95 for accessibility or best practices.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { startApp } from '../e2e/support/start-app';
import { replaceSection } from './benchmarks-section';
import getPort from 'get-port';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const APP_DIR = join(import.meta.dirname, '..');
const MIN = 0.95;

const app = await startApp();
const profile = mkdtempSync(join(tmpdir(), 'lh-profile-'));
let chrome: ReturnType<typeof spawn> | undefined;
let failed = false;
try {
  const login = await fetch(`${app.baseURL}/api/auth/demo`, { method: 'POST', redirect: 'manual', headers: { origin: app.baseURL } });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie.includes('sa_session=')) throw new Error(`demo login failed (${login.status})`);

  const port = await getPort();
  chrome = spawn(
    CHROME,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break;
    } catch {
      if (i > 100) throw new Error(`${CHROME} did not open its debugging port`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const url = `${app.baseURL}/?preset=last_30_days&compare=previous_period`;
  const result = await lighthouse(url, {
    port,
    output: 'html',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    extraHeaders: { Cookie: cookie },
  });
  if (!result) throw new Error('Lighthouse returned nothing');
  const { lhr } = result;
  mkdirSync(join(APP_DIR, '.lighthouse'), { recursive: true });
  writeFileSync(join(APP_DIR, '.lighthouse', 'overview.html'), String(result.report));
  writeFileSync(join(APP_DIR, '.lighthouse', 'overview.json'), JSON.stringify(lhr, null, 1));
  const scores = Object.fromEntries(Object.values(lhr.categories).map((c) => [c.id, c.score ?? 0]));
  for (const [id, score] of Object.entries(scores)) console.log(`${id.padEnd(16)} ${score.toFixed(2)}`);
  for (const category of ['accessibility', 'best-practices']) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) console.log(`  ${category}: ${audit.id} — ${audit.title}`);
    }
  }
  failed = (scores.accessibility ?? 0) < MIN || (scores['best-practices'] ?? 0) < MIN;

  const benchmarks = join(APP_DIR, '..', '..', 'BENCHMARKS.md');
  const cpu = cpus();
  const section = [
    '## PWA — Lighthouse (Overview page)',
    '',
    'Written by `pnpm --filter @salla-analytics/pwa-main lighthouse`: Lighthouse ' + lhr.lighthouseVersion + ' in Debian Chromium',
    `(${lhr.environment.hostUserAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}), default mobile settings, production build (\`next start\`) signed in to the`,
    'demo store, Overview for the last 30 days. Accessibility and best practices must stay at 0.95 or more.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, Node ${process.version}`,
    '',
    '| category | score |',
    '|---|---:|',
    ...Object.entries(scores).map(([id, score]) => `| ${id} | ${score.toFixed(2)} |`),
    '',
  ].join('\n');
  let text = '';
  try {
    text = readFileSync(benchmarks, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  writeFileSync(benchmarks, replaceSection(text, 'lighthouse', section));
  console.log(`wrote the Lighthouse section of ${benchmarks}`);
} finally {
  chrome?.kill('SIGTERM');
  await app.stop();
  rmSync(profile, { recursive: true, force: true });
}
if (failed) {
  console.error(`error: accessibility or best practices below ${MIN}`);
  process.exit(1);
}
