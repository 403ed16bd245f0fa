import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  createDatabase,
  type Database,
  deliveryKeyOf,
  migrateDeploy,
  recordDeadLetter,
  recordDelivery,
  updateDeliveryStatus,
} from '@salla-analytics/database-schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedPostgres, startEmbeddedPostgres } from '../src/index.js';
import { runNode } from './support/run-node.js';
import getPort from 'get-port';

const ADMIN = resolve(import.meta.dirname, '../dist/bin/admin.js');
const MERCHANT = 880001;
const validBody = JSON.stringify({
  event: 'customer.created',
  merchant: MERCHANT,
  created_at: '2025-05-01 10:00:00',
  data: { id: 77, first_name: 'سارة', email: 'sara@example.com' },
});

let dir: string;
let postgres: StartedPostgres;
let db: Database;
let env: Record<string, string>;
let invalidId: string;
let failedId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dead-letters-cli-'));
  postgres = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), port: await getPort(), database: 'cli' });
  await migrateDeploy(postgres.databaseUrl);
  db = createDatabase(postgres.databaseUrl, { maxConnections: 2 });
  env = { DATABASE_URL: postgres.databaseUrl };
  // A body rejected at intake, and a valid delivery whose processing failed after its last retry.
  invalidId = (await recordDeadLetter(db, { source: 'webhook', merchantId: null, reason: 'invalid_json', message: 'The body is not valid JSON', payload: '{"x":' })).id;
  const inbox = await recordDelivery(db, { merchantId: MERCHANT, deliveryKey: deliveryKeyOf(validBody), event: 'customer.created', rawBody: validBody });
  await updateDeliveryStatus(db, { merchantId: MERCHANT, id: inbox.id }, { status: 'failed', error: 'max_attempts' });
  failedId = (await recordDeadLetter(db, { source: 'queue', merchantId: MERCHANT, event: 'customer.created', reason: 'max_attempts', message: 'ClickHouse said no', payload: validBody })).id;
});
afterAll(async () => {
  await db?.$disconnect();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('pnpm admin dead-letters', () => {
  it('lists dead letters as JSON without printing payloads', async () => {
    const result = await runNode(ADMIN, ['dead-letters', 'list', '--json'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = JSON.parse(result.stdout);
    expect(rows.map((row: { id: string }) => row.id).sort()).toEqual([invalidId, failedId].sort());
    expect(rows.find((row: { id: string }) => row.id === failedId)).toMatchObject({
      source: 'queue',
      merchantId: MERCHANT,
      event: 'customer.created',
      reason: 'max_attempts',
      replayCount: 0,
      payloadBytes: Buffer.byteLength(validBody),
    });
    expect(result.stdout).not.toContain('sara@example.com');
    const filtered = JSON.parse((await runNode(ADMIN, ['dead-letters', 'list', '--merchant', String(MERCHANT), '--json'], env)).stdout);
    expect(filtered.map((row: { id: string }) => row.id)).toEqual([failedId]);
  });

  it('replays through the intake path: the fixed one is re-enqueued once, the invalid one stays', async () => {
    const result = await runNode(ADMIN, ['dead-letters', 'replay', '--all', '--json'], env);
    expect(result.stderr).toBe('');
    const results = JSON.parse(result.stdout);
    expect(results).toEqual(
      expect.arrayContaining([
        { id: invalidId, status: 'still_invalid', reason: 'invalid_json', message: 'The body is not valid JSON' },
        expect.objectContaining({ id: failedId, status: 'replayed', outcome: 'duplicate' }),
      ]),
    );
    const client = new pg.Client({ connectionString: postgres.databaseUrl });
    await client.connect();
    try {
      // The inbox is the queue: the replayed entry is queued again as new (no claim yet, available now).
      const inbox = await client.query('SELECT merchant_id::int AS merchant, status, claims, available_at <= now() AS available FROM webhook_inbox');
      expect(inbox.rows).toEqual([{ merchant: MERCHANT, status: 'queued', claims: 0, available: true }]);
    } finally {
      await client.end();
    }
    const again = await runNode(ADMIN, ['dead-letters', 'replay', failedId], env);
    expect(again.stdout.trim()).toBe(`${failedId}: already replayed`);
  });

  it.each([
    [['dead-letters', 'replay'], /^error: give either a dead letter id or --all/],
    [['dead-letters', 'replay', 'nope'], /^error: "nope" is not a dead letter id/],
    [['dead-letters', 'list', '--limit', '0'], /^error: --limit must be 1 to 500/],
  ])('rejects %j with one line', async (args, message) => {
    const result = await runNode(ADMIN, args, env);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(message);
  });
});
