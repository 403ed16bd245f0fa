import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ClickHouseAnalyticsRepository,
  createAnalyticsClient,
  type EmbeddedClickHouse,
  runMigrations,
  startEmbeddedClickHouse,
} from '@salla-analytics/olap-repository';

export type AnalyticsClient = ReturnType<typeof createAnalyticsClient>;

export interface TestClickHouse {
  server: EmbeddedClickHouse;
  url: string;
  database: string;
  /** Connected to the migrated analytics database. */
  client: AnalyticsClient;
  repository: ClickHouseAnalyticsRepository;
  /** Rows of a query as JSON objects. */
  rows<T = Record<string, unknown>>(query: string, params?: Record<string, unknown>): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * The real ClickHouse engine (chdb, from olap-repository) behind its HTTP interface on a free
 * port, in a fresh directory, migrated. One per test file (the engine allows one per process).
 */
export async function startTestClickHouse(database = 'pipeline_test'): Promise<TestClickHouse> {
  const dataPath = mkdtempSync(join(tmpdir(), 'pipeline-ch-'));
  const server = await startEmbeddedClickHouse({ dataPath, port: 0 });
  const admin = createAnalyticsClient({ url: server.url });
  await runMigrations(admin, { database });
  await admin.close();
  const client = createAnalyticsClient({ url: server.url, database });
  return {
    server,
    url: server.url,
    database,
    client,
    repository: new ClickHouseAnalyticsRepository(client),
    async rows<T>(query: string, params: Record<string, unknown> = {}) {
      const result = await client.query({ query, query_params: params, format: 'JSONEachRow' });
      return (await result.json()) as T[];
    },
    async close() {
      await client.close();
      await server.close();
      rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
