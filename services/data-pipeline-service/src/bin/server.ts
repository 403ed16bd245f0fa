#!/usr/bin/env node
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { isAppError } from '@salla-analytics/core-library';
import { type PipelineEnv, readPipelineEnv } from '../env.js';
import { PipelineMetrics, type MetricsSnapshot } from '../observability/metrics.js';
import { startTracing } from '../observability/tracing-sdk.js';
import { createPipeline, handoffLimit, type Pipeline } from '../pipeline.js';
import { InboxQueue } from '../queue/inbox-queue.js';
import { type HandedOff, LocalHandoff } from '../queue/local-handoff.js';

type ToConsumer =
  | { type: 'metrics'; id: number }
  | { type: 'claimed'; entries: HandedOff[] }
  | { type: 'stop' };
type FromConsumer =
  | { type: 'metrics'; id: number; snapshot: MetricsSnapshot }
  | { type: 'settled'; count: number }
  | { type: 'started' }
  | { type: 'stopped' };

/**
 * The pipeline service as a process: `node dist/bin/server.js` (the local stack runs it this way).
 * Role `all` with the Postgres queue runs as two threads (PIPELINE_CONSUMER_THREAD, default on):
 * this one is the intake (HTTP, inbox writes, /metrics of both), a worker thread — this same file —
 * runs the consumers, the recovery of unqueued entries and the history jobs. Each thread has its own
 * connections. New deliveries go to the consumer thread as messages once they are committed to the
 * inbox, already claimed for this process (LocalHandoff); the inbox keeps everything, so a crash of
 * either thread (or a SIGKILL of the process) loses nothing that was acknowledged: what was handed
 * over and not processed is claimed again when its lease ends.
 */
async function main(): Promise<void> {
  const env = readPipelineEnv();
  // First, so every span of this thread goes to the exporter (no-op without OTEL_EXPORTER_OTLP_ENDPOINT).
  const tracing = startTracing(env);
  if (!isMainThread) return runConsumerThread(env, tracing);
  const threaded = env.PIPELINE_ROLE === 'all' && env.PIPELINE_CONSUMER_THREAD && env.QUEUE_DRIVER === 'postgres';
  const metrics = new PipelineMetrics();
  const pipeline = createPipeline(threaded ? { ...env, PIPELINE_ROLE: 'intake' } : env, { metrics });
  const consumer = threaded ? await startConsumerThread(pipeline, metrics, env) : null;
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    pipeline.logger.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    // Intake first (no new work), then the consumers finish their batches.
    await pipeline.stop();
    await consumer?.stop();
    await tracing?.shutdown();
    pipeline.logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await pipeline.start();
}

/** Starts this file as the consumer thread and waits until its consumers run. A thread that dies takes the process with it. */
async function startConsumerThread(pipeline: Pipeline, metrics: PipelineMetrics, env: PipelineEnv): Promise<{ stop(): Promise<void> }> {
  const worker = consumerWorker();
  const handoff = new LocalHandoff({
    leaseSeconds: env.QUEUE_JOB_TIMEOUT_SECONDS,
    limit: handoffLimit(env),
    send: (entries) => worker.postMessage({ type: 'claimed', entries } satisfies ToConsumer),
  });
  const waiting = new Map<number, (snapshot: MetricsSnapshot) => void>();
  let nextId = 0;
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const started = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: FromConsumer) => {
      if (message.type === 'started') resolve();
      else if (message.type === 'settled') handoff.settled(message.count);
      else if (message.type === 'stopped') void worker.terminate();
      else if (message.type === 'metrics') {
        waiting.get(message.id)?.(message.snapshot);
        waiting.delete(message.id);
      }
    });
    worker.once('error', reject);
  });
  worker.on('error', (error) => {
    pipeline.logger.fatal({ err: { message: error.message } }, 'consumer thread failed; exiting');
    process.exit(1);
  });
  worker.on('exit', (code) => {
    if (stopping) return;
    pipeline.logger.fatal({ code }, 'consumer thread exited; exiting');
    process.exit(1);
  });
  await started;
  if (env.PIPELINE_HANDOFF) pipeline.intake.useHandoff(handoff);
  metrics.addPeer(
    () =>
      new Promise<MetricsSnapshot>((resolve) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          waiting.delete(id);
          resolve([]);
        }, 2_000);
        waiting.set(id, (snapshot) => {
          clearTimeout(timer);
          resolve(snapshot);
        });
        worker.postMessage({ type: 'metrics', id } satisfies ToConsumer);
      }),
  );
  return {
    async stop() {
      stopping = true;
      worker.postMessage({ type: 'stop' } satisfies ToConsumer);
      await exited;
    },
  };
}

/**
 * A worker on this file. Run from source (`node --import tsx src/bin/server.ts`, the tests), a
 * worker on Node 20 does not get tsx's loader hooks: it registers them itself first.
 */
function consumerWorker(): Worker {
  const entry = new URL(import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true });
}

async function runConsumerThread(env: PipelineEnv, tracing: ReturnType<typeof startTracing>): Promise<void> {
  const port = parentPort;
  if (port === null) return;
  const metrics = new PipelineMetrics({ defaultMetrics: false });
  const pipeline = createPipeline({ ...env, PIPELINE_ROLE: 'worker' }, { metrics });
  const queue = pipeline.queue instanceof InboxQueue ? pipeline.queue : null;
  queue?.onLocalSettled((count) => port.postMessage({ type: 'settled', count } satisfies FromConsumer));
  port.on('message', (message: ToConsumer) => {
    // (Never without an inbox queue: the intake hands over only when the queue is the inbox.)
    if (message.type === 'claimed') queue?.deliverClaimed(message.entries);
    else if (message.type === 'metrics') {
      void metrics.registry.getMetricsAsJSON().then((snapshot) => port.postMessage({ type: 'metrics', id: message.id, snapshot } satisfies FromConsumer));
    } else if (message.type === 'stop') {
      void pipeline.stop().then(async () => {
        await tracing?.shutdown();
        port.postMessage({ type: 'stopped' } satisfies FromConsumer);
        port.close();
      });
    }
  });
  await pipeline.start();
  port.postMessage({ type: 'started' } satisfies FromConsumer);
}

main().catch((error: unknown) => {
  // One sentence, no stack with values in it (an env error names variables, never their values).
  console.error(`error: ${isAppError(error) || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
