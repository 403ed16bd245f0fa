import { join } from 'node:path';
import type { ClickHouseClient } from '@clickhouse/client';
import { migrateDeploy } from '@salla-analytics/database-schema';
import {
  createAnalyticsClient,
  type EmbeddedClickHouse,
  runMigrations,
  startEmbeddedClickHouse,
} from '@salla-analytics/olap-repository';
import { dataDir, type StackEnv } from '../env.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { loadLocalSecrets } from './local-secrets.js';
import { startPipelineProcess } from './pipeline-process.js';
import { acquireStackLock } from './stack-lock.js';

export interface LocalStack {
  databaseUrl: string;
  clickhouseUrl: string;
  clickhouseDatabase: string;
  /** Connected to the analytics database. */
  analytics: ClickHouseClient;
  /** The environment every process of the product gets, pointing at these engines. */
  processEnv: Record<string, string>;
  /** The pipeline service (its own process): where Salla webhooks go. */
  pipelineUrl: string;
  pipelinePid: number;
  /** The generated development webhook secret the pipeline verifies `X-Salla-Signature` with. */
  webhookSecret: string;
  stop(): Promise<void>;
}

export type StackLog = (message: string) => void;

/**
 * Starts the embedded engines (unless DATABASE_URL / CLICKHOUSE_URL point elsewhere) and applies
 * every migration. Stopping releases everything in reverse order.
 */
export async function startLocalStack(env: StackEnv, log: StackLog): Promise<LocalStack> {
  const dir = dataDir(env);
  const releaseLock = acquireStackLock(dir);
  const stops: Array<() => Promise<void>> = [async () => releaseLock()];
  let stopping = false;
  const stop = async () => {
    stopping = true;
    for (const fn of stops.reverse()) await fn().catch((error: unknown) => log(`stop failed: ${String(error)}`));
  };
  try {
    let databaseUrl = env.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dir: join(dir, 'postgres'), port: env.POSTGRES_PORT, database: 'salla_analytics' });
      stops.push(pg.stop);
      databaseUrl = pg.databaseUrl;
      log(`PostgreSQL (embedded) on 127.0.0.1:${env.POSTGRES_PORT}`);
    }
    let clickhouseUrl = env.CLICKHOUSE_URL;
    if (!clickhouseUrl) {
      const ch: EmbeddedClickHouse = await startEmbeddedClickHouse({ dataPath: join(dir, 'clickhouse'), port: env.CLICKHOUSE_HTTP_PORT });
      stops.push(ch.close);
      clickhouseUrl = ch.url;
      log(`ClickHouse (embedded chdb) HTTP interface on ${ch.url}`);
    }
    const pgMigrations = await migrateDeploy(databaseUrl);
    log(`PostgreSQL migrations: ${pgMigrations.applied.length} applied`);
    const admin = createAnalyticsClient({ url: clickhouseUrl });
    const chMigrations = await runMigrations(admin, { database: env.CLICKHOUSE_DATABASE }).finally(() => admin.close());
    log(`ClickHouse migrations: ${chMigrations.applied.length} applied, ${chMigrations.alreadyApplied} already there`);
    const analytics = createAnalyticsClient({ url: clickhouseUrl, database: env.CLICKHOUSE_DATABASE });
    stops.push(() => analytics.close());
    const processEnv = { DATABASE_URL: databaseUrl, CLICKHOUSE_URL: clickhouseUrl, CLICKHOUSE_DATABASE: env.CLICKHOUSE_DATABASE };
    const secrets = loadLocalSecrets(dir);
    const pipeline = await startPipelineProcess({
      env: { ...processEnv, SALLA_WEBHOOK_SECRET: secrets.webhookSecret, TOKEN_ENCRYPTION_KEYS: secrets.tokenEncryptionKeys },
      port: env.PIPELINE_PORT,
      logFile: join(dir, 'pipeline.log'),
      onExit: (code, signal) => {
        if (!stopping) log(`pipeline service exited (${signal ?? `code ${code}`}); see ${join(dir, 'pipeline.log')}`);
      },
    });
    stops.push(pipeline.stop);
    log(`pipeline service (pid ${pipeline.pid}) on ${pipeline.url}, logs in ${join(dir, 'pipeline.log')}`);
    return {
      databaseUrl,
      clickhouseUrl,
      clickhouseDatabase: env.CLICKHOUSE_DATABASE,
      analytics,
      processEnv,
      pipelineUrl: pipeline.url,
      pipelinePid: pipeline.pid,
      webhookSecret: secrets.webhookSecret,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
