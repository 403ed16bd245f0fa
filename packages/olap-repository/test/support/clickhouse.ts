import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import {
  createAnalyticsClient,
  type EmbeddedClickHouse,
  runMigrations,
  startEmbeddedClickHouse,
} from '../../src/index.js';

export interface TestClickHouse {
  server: EmbeddedClickHouse;
  /** Connected to the migrated analytics database. */
  client: ClickHouseClient;
  /** Connected without a database. */
  admin: ClickHouseClient;
  database: string;
  close(): Promise<void>;
}

/** A real ClickHouse engine (chdb) behind its HTTP interface, in a fresh directory, migrated. */
export async function startTestClickHouse(database = 'analytics_test'): Promise<TestClickHouse> {
  const dataPath = mkdtempSync(join(tmpdir(), 'olap-test-'));
  const server = await startEmbeddedClickHouse({ dataPath, port: 0 });
  const admin = createAnalyticsClient({ url: server.url });
  await runMigrations(admin, { database });
  const client = createAnalyticsClient({ url: server.url, database });
  return {
    server,
    client,
    admin,
    database,
    close: async () => {
      await client.close();
      await admin.close();
      await server.close();
      rmSync(dataPath, { recursive: true, force: true });
    },
  };
}
