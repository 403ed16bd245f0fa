import { Writable } from 'node:stream';
import type { Database } from '@salla-analytics/database-schema';
import { createPipeline, type Pipeline, readPipelineEnv, signSallaBody } from '../../src/index.js';
import { startTestClickHouse, type TestClickHouse } from './clickhouse.js';
import { startPostgres, type TestPostgres } from './postgres.js';
import getPort from 'get-port';

export const SECRET = 'test-webhook-secret-0123456789abcdef';
export const TOKEN = 'test-webhook-token-0123456789abcdef';
export const TOKEN_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

export interface Engines {
  postgres: TestPostgres;
  ch: TestClickHouse;
  databaseUrl: string;
  db: Database;
  /** The env a pipeline needs to reach these engines (strings, as a process would get them). */
  env(overrides?: Record<string, string>): Record<string, string>;
  stop(): Promise<void>;
}

/** Real PostgreSQL (migrated) and real ClickHouse (migrated) for one test file. */
export async function startEngines(): Promise<Engines> {
  const [postgres, ch] = await Promise.all([startPostgres(), startTestClickHouse()]);
  const { url, db } = await postgres.createMigratedDatabase('pipeline');
  return {
    postgres,
    ch,
    databaseUrl: url,
    db,
    env: (overrides = {}) => ({
      SALLA_WEBHOOK_SECRET: SECRET,
      SALLA_WEBHOOK_TOKEN: TOKEN,
      TOKEN_ENCRYPTION_KEYS: TOKEN_KEYS,
      DATABASE_URL: url,
      CLICKHOUSE_URL: ch.url,
      CLICKHOUSE_DATABASE: ch.database,
      PIPELINE_PORT: '4000',
      QUEUE_POLL_INTERVAL_MS: '50',
      QUEUE_RETRY_DELAY_SECONDS: '1',
      QUEUE_RETRY_LIMIT: '2',
      QUEUE_MAINTENANCE_SECONDS: '1',
      QUEUE_JOB_TIMEOUT_SECONDS: '5',
      BATCH_MAX_DELAY_MS: '50',
      LOG_LEVEL: 'info',
      ...overrides,
    }),
    async stop() {
      await Promise.allSettled([postgres.stop(), ch.close()]);
    },
  };
}

export interface RunningPipeline {
  pipeline: Pipeline;
  url: string;
  /** Every log line the pipeline wrote (JSON text). */
  logs: string[];
  post(body: string | Uint8Array, headers?: Record<string, string>): Promise<{ status: number; json: unknown }>;
  /** Posts a body signed with the test secret. */
  send(body: unknown): Promise<{ status: number; json: unknown }>;
  stop(): Promise<void>;
}

/** The pipeline in this process (HTTP on a free port), logs captured. */
export async function startPipeline(engines: Engines, overrides: Record<string, string> = {}): Promise<RunningPipeline> {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      logs.push(...String(chunk).split('\n').filter((line) => line !== ''));
      callback();
    },
  });
  const port = await getPort();
  const env = readPipelineEnv(engines.env({ PIPELINE_PORT: String(port), ...overrides }));
  const pipeline = createPipeline(env, { logDestination: destination });
  const url = (await pipeline.start()) ?? `http://127.0.0.1:${port}`;
  const post = async (body: string | Uint8Array, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/webhooks/salla`, {
      method: 'POST',
      body: typeof body === 'string' ? body : Buffer.from(body),
      headers: { 'Content-Type': 'application/json', ...headers },
    });
    const text = await response.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, json };
  };
  return {
    pipeline,
    url,
    logs,
    post,
    send: (body) => {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return post(text, { 'X-Salla-Signature': signSallaBody(text, SECRET), 'X-Salla-Security-Strategy': 'Signature' });
    },
    stop: () => pipeline.stop(),
  };
}

/** Sends many bodies, `concurrency` at a time; returns the HTTP statuses in input order. */
export async function sendAll(pipeline: RunningPipeline, bodies: unknown[], concurrency = 16): Promise<number[]> {
  const statuses: number[] = new Array(bodies.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < bodies.length) {
        const index = next++;
        statuses[index] = (await pipeline.send(bodies[index])).status;
      }
    }),
  );
  return statuses;
}

/** Waits until no inbox entry is waiting (received or queued) and the batch writer has flushed. */
export async function drained(engines: Engines, timeoutMs = 60_000): Promise<void> {
  await waitFor(async () => {
    const [row] = await engines.postgres.query<{ waiting: string }>(
      'pipeline',
      `SELECT count(*) AS waiting FROM webhook_inbox WHERE status IN ('received', 'queued')`,
    );
    return Number(row?.waiting) === 0;
  }, timeoutMs);
}

export async function waitFor(predicate: () => Promise<boolean> | boolean, timeoutMs = 30_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await predicate()) return;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

