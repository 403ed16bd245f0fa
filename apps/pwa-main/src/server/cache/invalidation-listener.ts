import { CACHE_INVALIDATION_CHANNEL, cacheInvalidationSchema } from '@salla-analytics/core-library';
import type { MerchantQueryCache } from '@salla-analytics/integration-gateways';
import pg from 'pg';
import type { Logger } from 'pino';

export interface InvalidationListenerOptions {
  databaseUrl: string;
  cache: Pick<MerchantQueryCache, 'invalidateMerchant'>;
  log: Pick<Logger, 'info' | 'warn'>;
  /** First reconnect delay; doubles up to 30 s. */
  retryMs?: number;
}

export interface InvalidationListener {
  /** Resolves once LISTEN is in place (the first time). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * LISTENs on the pipeline's invalidation channel and drops the named merchant's cached answers.
 * Payloads are validated; a bad one is logged and ignored. The connection is re-opened with
 * backoff when it drops; signals sent while it was down are lost, so such answers age out by the
 * cache TTL.
 */
export function startInvalidationListener(options: InvalidationListenerOptions): InvalidationListener {
  let client: pg.Client | undefined;
  let stopped = false;
  let delay = options.retryMs ?? 500;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on('error', (error) => options.log.warn({ err: error }, 'cache invalidation listener lost its connection'));
    next.on('end', () => {
      if (!stopped) setTimeout(() => void connect(), delay);
    });
    next.on('notification', (message) => {
      if (message.channel !== CACHE_INVALIDATION_CHANNEL) return;
      let payload: unknown;
      try {
        payload = JSON.parse(message.payload ?? '');
      } catch {
        payload = undefined;
      }
      const parsed = cacheInvalidationSchema.safeParse(payload);
      if (!parsed.success) {
        options.log.warn({ channel: message.channel }, 'ignored an invalid cache invalidation payload');
        return;
      }
      options.cache
        .invalidateMerchant(parsed.data.merchantId)
        .catch((error: unknown) => options.log.warn({ err: error, merchantId: parsed.data.merchantId }, 'cache invalidation failed'));
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CACHE_INVALIDATION_CHANNEL}`);
      client = next;
      delay = options.retryMs ?? 500;
      markReady();
    } catch (error) {
      options.log.warn({ err: error }, 'cache invalidation listener could not connect; retrying');
      next.removeAllListeners('end');
      await next.end().catch(() => {});
      delay = Math.min(delay * 2, 30_000);
      if (!stopped) setTimeout(() => void connect(), delay);
    }
  };
  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      await client?.end().catch(() => {});
    },
  };
}
