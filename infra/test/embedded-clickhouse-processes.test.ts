import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EmbeddedClickHouse, startEmbeddedClickHouse } from '@salla-analytics/olap-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A separate OS process that queries the engine by URL, as the pipeline and the PWA do.
const CHILD = `
import { createClient } from '@clickhouse/client';
const client = createClient({ url: process.argv[1] });
const started = Date.now();
let rows = 0;
for (let i = 0; i < 20; i++) {
  const result = await client.query({
    query: 'SELECT count() AS n, sum(number) AS s FROM numbers({n:UInt64})',
    query_params: { n: 200000 + i },
    format: 'JSONEachRow',
  });
  const [row] = await result.json();
  if (Number(row.n) !== 200000 + i) throw new Error('wrong count ' + row.n);
  rows += Number(row.n);
}
process.stdout.write(JSON.stringify({ pid: process.pid, started, finished: Date.now(), rows }));
await client.close();
`;

function runChild(url: string): Promise<{ pid: number; started: number; finished: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD, url], { cwd: import.meta.dirname });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}: ${err}`))));
  });
}

let server: EmbeddedClickHouse;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ch-processes-'));
  server = await startEmbeddedClickHouse({ dataPath: dir, port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('embedded ClickHouse shared by processes', () => {
  it('serves two separate processes querying at the same time', async () => {
    const [a, b] = await Promise.all([runChild(server.url), runChild(server.url)]);
    expect(a.pid).not.toBe(b.pid);
    expect(a.pid).not.toBe(process.pid);
    const expectedRows = Array.from({ length: 20 }, (_, i) => 200000 + i).reduce((x, y) => x + y, 0);
    expect(a.rows).toBe(expectedRows);
    expect(b.rows).toBe(expectedRows);
    // Their query windows overlapped: each started before the other finished.
    expect(a.started).toBeLessThan(b.finished);
    expect(b.started).toBeLessThan(a.finished);
  });

  it('refuses a second owner of the same data directory with a clear error', async () => {
    const second = spawn(
      process.execPath,
      ['--input-type=module', '-e', `import { startEmbeddedClickHouse } from '@salla-analytics/olap-repository';
       try { await startEmbeddedClickHouse({ dataPath: process.argv[1], port: 0 }); process.exit(0); }
       catch (e) { process.stderr.write(e.code + ': ' + e.message); process.exit(3); }`, dir],
      { cwd: import.meta.dirname },
    );
    let err = '';
    second.stderr.on('data', (chunk) => (err += chunk));
    const code = await new Promise((resolve) => second.on('exit', resolve));
    expect(code).toBe(3);
    expect(err).toMatch(/CONFLICT: The embedded ClickHouse data directory .* is already in use by another process/);
  });
});
