import { getEnv } from '../../env';
import { getLogger } from '../logger';
import { bffMetrics } from './metrics';
import { startMetricsServer } from './metrics-server';
import { startTracing } from './tracing-sdk';

/** What instrumentation.ts runs once per Node.js server process: tracing, then the metrics port. */
export function registerNodeInstrumentation(): void {
  const env = getEnv();
  const log = getLogger();
  const tracing = startTracing(env);
  if (env.PWA_METRICS_PORT !== undefined) {
    startMetricsServer(bffMetrics(), {
      port: env.PWA_METRICS_PORT,
      host: env.PWA_METRICS_HOST,
      onError: (error) => log.warn({ err: { message: error.message } }, 'metrics endpoint failed'),
    });
  }
  log.info({ tracing, metricsPort: env.PWA_METRICS_PORT ?? null }, 'instrumentation registered');
}
