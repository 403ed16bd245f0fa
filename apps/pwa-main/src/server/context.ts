import type { ClickHouseClient } from '@clickhouse/client';
import { createDatabase, type Database } from '@salla-analytics/database-schema';
import { createCacheStore, MerchantQueryCache } from '@salla-analytics/integration-gateways';
import {
  ClickHouseAnalyticsRepository,
  createAnalyticsClient,
  type IAnalyticsRepository,
  type QueryObservation,
} from '@salla-analytics/olap-repository';
import { getEnv } from '../env';
import { type InvalidationListener, startInvalidationListener } from './cache/invalidation-listener';
import { getLogger } from './logger';
import { bffMetrics } from './observability/metrics';

export interface ServerContext {
  db: Database;
  clickhouse: ClickHouseClient;
  analytics: IAnalyticsRepository;
  cache: MerchantQueryCache;
  invalidations: InvalidationListener | null;
}

// One set of connections per server process (kept on globalThis so dev reloads do not leak them).
const holder = globalThis as typeof globalThis & { __sallaPwaContext?: ServerContext };

export function getContext(): ServerContext {
  if (holder.__sallaPwaContext) return holder.__sallaPwaContext;
  const env = getEnv();
  const log = getLogger();
  const db = createDatabase(env.DATABASE_URL, { maxConnections: 10 });
  const clickhouse = createAnalyticsClient({
    url: env.CLICKHOUSE_URL,
    username: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    database: env.CLICKHOUSE_DATABASE,
  });
  const store = createCacheStore(env);
  const cache = new MerchantQueryCache({
    store,
    ttlSeconds: env.CACHE_TTL_SECONDS,
    onError: (error, operation) => log.warn({ err: error, operation, cache: store.kind }, 'cache backend failed; serving uncached'),
  });
  const invalidations = env.CACHE_INVALIDATION_LISTEN ? startInvalidationListener({ databaseUrl: env.DATABASE_URL, cache, log }) : null;
  const context: ServerContext = { db, clickhouse, analytics: new ClickHouseAnalyticsRepository(clickhouse, { onQuery: observeQuery }), cache, invalidations };
  holder.__sallaPwaContext = context;
  log.info({ cache: store.kind, sallaOAuth: env.sallaOAuth, demoLogin: env.demoLogin }, 'server context ready');
  return context;
}

/** Repository query durations by query name (the merchant id stays out of the labels). */
function observeQuery(observation: QueryObservation): void {
  bffMetrics().olapQueryDuration.observe({ query: observation.query, outcome: observation.ok ? 'ok' : 'error' }, observation.durationMs / 1000);
}

/** Closes every connection (tests, graceful shutdown); the next getContext() starts afresh. */
export async function closeContext(): Promise<void> {
  const context = holder.__sallaPwaContext;
  holder.__sallaPwaContext = undefined;
  if (!context) return;
  await context.invalidations?.stop();
  await Promise.allSettled([context.db.$disconnect(), context.clickhouse.close(), context.cache.close()]);
}
