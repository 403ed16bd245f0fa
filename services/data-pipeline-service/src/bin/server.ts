#!/usr/bin/env node
import { isAppError } from '@salla-analytics/core-library';
import { startTracing } from '../observability/tracing-sdk.js';
import { readPipelineEnv } from '../env.js';
import { createPipeline } from '../pipeline.js';

/** The pipeline service as a process: `node dist/bin/server.js` (the local stack runs it this way). */
async function main(): Promise<void> {
  // First, so every span of this thread goes to the exporter (no-op without OTEL_EXPORTER_OTLP_ENDPOINT).
  const tracing = startTracing(readPipelineEnv());
  const pipeline = createPipeline(readPipelineEnv());
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    pipeline.logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    await pipeline.stop();
    await tracing?.shutdown();
    pipeline.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await pipeline.start();
}

main().catch((error: unknown) => {
  // One sentence, no stack with values in it (an env error names variables, never their values).
  console.error(`error: ${isAppError(error) || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
