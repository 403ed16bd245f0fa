import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNode } from './support/run-node.js';
import getPort from 'get-port';

const START = resolve(import.meta.dirname, '../dist/bin/start.js');
const ADMIN = resolve(import.meta.dirname, '../dist/bin/admin.js');

let dir: string;
let env: Record<string, string>;
let stack: ChildProcess;
let output = '';

function waitFor(pattern: RegExp, timeoutMs = 150_000): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output:\n${output}`)), timeoutMs);
    const check = () => {
      if (stack?.exitCode !== null && stack?.exitCode !== undefined) {
        clearTimeout(timer);
        reject(new Error(`the stack exited with ${stack.exitCode}; output:\n${output}`));
      } else if (pattern.test(output)) {
        clearTimeout(timer);
        resolvePromise();
      } else setTimeout(check, 100);
    };
    check();
  });
}

function startStack(): ChildProcess {
  output = '';
  const child = spawn(process.execPath, [START], { env: { ...process.env, ...env } });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return child;
}

function stopStack(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => {
    child.once('exit', (code) => resolvePromise(code));
    child.kill('SIGINT');
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stack-'));
  const [pg, ch, pipeline, pwa] = await Promise.all([getPort(), getPort(), getPort(), getPort()]);
  env = {
    SALLA_ANALYTICS_DATA_DIR: dir,
    POSTGRES_PORT: String(pg),
    CLICKHOUSE_HTTP_PORT: String(ch),
    PIPELINE_PORT: String(pipeline),
    PWA_PORT: String(pwa),
    DEMO_MONTHS: '2',
    DEMO_ORDERS_PER_MONTH: '150',
  };
  stack = startStack();
  await waitFor(/\] ready/);
});

afterAll(async () => {
  if (stack && stack.exitCode === null) await stopStack(stack);
  rmSync(dir, { recursive: true, force: true });
});

describe('local stack (pnpm start)', () => {
  it('starts the embedded engines, migrates and fills the demo store', async () => {
    expect(output).toMatch(/PostgreSQL \(embedded\) on 127\.0\.0\.1:\d+/);
    expect(output).toMatch(/ClickHouse \(embedded chdb\) HTTP interface on http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/demo store 900001: \d+ orders/);
    const migrate = await runNode(ADMIN, ['migrate'], {
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${env.POSTGRES_PORT}/salla_analytics`,
      CLICKHOUSE_URL: `http://127.0.0.1:${env.CLICKHOUSE_HTTP_PORT}`,
    });
    expect(migrate.stderr).toBe('');
    expect(migrate.stdout).toMatch(/PostgreSQL: no pending migrations/);
    expect(migrate.stdout).toMatch(/ClickHouse \(salla_analytics\): no pending migrations/);
  });

  it('serves the PWA, whose demo login opens the demo store with its numbers', async () => {
    const base = `http://127.0.0.1:${env.PWA_PORT}`;
    expect(output).toMatch(new RegExp(`PWA \\(pid \\d+\\) on ${base.replace(/[.]/g, '\\.')}`));
    expect((await fetch(`${base}/login`)).status).toBe(200);
    const login = await fetch(`${base}/api/auth/demo`, { method: 'POST', redirect: 'manual', headers: { origin: base } });
    expect(login.status).toBe(303);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const overview = await fetch(`${base}/api/v1/overview?preset=this_year&compare=none`, { headers: { cookie } });
    expect(overview.status).toBe(200);
    const body = (await overview.json()) as { data: { merchantId: number; metrics: { orders: { value: number } } } };
    expect(body.data.merchantId).toBe(900001);
    expect(body.data.metrics.orders.value).toBeGreaterThan(0);
    expect((await fetch(`${base}/api/v1/overview`)).status).toBe(401);
  });

  it('refuses a second start on the same data with a clear sentence', async () => {
    const second = await runNode(START, [], env);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^error: The local stack is already running \(process \d+/);
  });

  it('stops cleanly on Ctrl-C and starts again on the same data without reloading', async () => {
    expect(await stopStack(stack)).toBe(0);
    expect(output).toMatch(/stopped cleanly/);
    stack = startStack();
    await waitFor(/\] ready/);
    expect(output).toMatch(/already loaded/);
    expect(output).toMatch(/ClickHouse migrations: 0 applied/);
  });
});
