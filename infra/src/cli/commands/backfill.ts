import { AppError, type BackfillProgress, backfillProgressOf } from '@salla-analytics/core-library';
import { enqueueHistoryJob, readPipelineAdminEnv } from '@salla-analytics/data-pipeline-service';
import { createDatabase, getJob } from '@salla-analytics/database-schema';
import { Presets, SingleBar } from 'cli-progress';

export interface BackfillOptions {
  merchant: string;
  reconcile?: boolean;
  wait?: boolean;
  json?: boolean;
  /** Poll interval in ms (tests). */
  interval?: string;
}

const FINISHED = new Set(['succeeded', 'failed', 'canceled']);
// How long a queued job may wait before we say that no pipeline worker seems to be running.
const NO_WORKER_HINT_MS = 15_000;

/**
 * `pnpm admin backfill --merchant <id>`: queues the store's history import (or, with
 * `--reconcile`, the reconciliation sweep) — or joins the one already under way — and follows it
 * with a progress bar on stderr (done / total, rate, ETA) until it ends. The pipeline's workers run
 * the job (`pnpm start` runs one); this command only queues and watches, so Ctrl-C leaves the job running.
 */
export async function backfillCommand(options: BackfillOptions, stderr: NodeJS.WriteStream = process.stderr): Promise<string> {
  const merchantId = Number(options.merchant);
  if (!/^\d+$/.test(options.merchant) || !Number.isSafeInteger(merchantId) || merchantId <= 0) {
    throw new AppError('INVALID_ARGUMENT', `--merchant must be a positive integer store id, got "${options.merchant}"`);
  }
  const interval = Math.max(50, Number(options.interval ?? 500));
  const env = readPipelineAdminEnv();
  const db = createDatabase(env.DATABASE_URL, { maxConnections: 1 });
  try {
    const { job, started } = await enqueueHistoryJob(db, { merchantId, kind: options.reconcile ? 'reconcile' : 'backfill' });
    const what = options.reconcile ? 'reconciliation' : 'history backfill';
    stderr.write(`${started ? 'queued' : 'following the'} ${what} ${job.id} of merchant ${merchantId}\n`);
    if (options.wait === false) return options.json ? JSON.stringify(backfillProgressOf(job), null, 2) : `${job.id} ${job.status}`;

    const bar = new SingleBar(
      {
        stream: stderr,
        format: `${what} |{bar}| {percentage}% | {value}/{total} | {rate}/s | ETA {etaText}`,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 2_000,
        etaBuffer: 20,
      },
      Presets.shades_classic,
    );
    let progress: BackfillProgress = backfillProgressOf(job);
    const queuedSince = Date.now();
    let hinted = false;
    bar.start(progress.total ?? 1, progress.done, { rate: '-', etaText: '-' });
    for (;;) {
      const current = await getJob(db, { merchantId, id: job.id });
      if (current === null) throw new AppError('NOT_FOUND', `job ${job.id} disappeared`);
      progress = backfillProgressOf(current);
      if (progress.total !== null) bar.setTotal(Math.max(progress.total, progress.done));
      bar.update(progress.done, {
        rate: progress.ratePerSecond === null ? '-' : String(Math.round(progress.ratePerSecond)),
        etaText: progress.etaSeconds === null ? '-' : formatSeconds(progress.etaSeconds),
      });
      if (FINISHED.has(progress.status)) break;
      if (!hinted && progress.status === 'queued' && Date.now() - queuedSince > NO_WORKER_HINT_MS) {
        hinted = true;
        stderr.write('\nstill queued: is a pipeline worker running? (pnpm start runs one)\n');
      }
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
    bar.stop();
    if (progress.status !== 'succeeded') {
      throw new AppError('UPSTREAM_UNAVAILABLE', `${what} ${progress.status}${progress.error ? `: ${progress.error}` : ''}`);
    }
    if (options.json) return JSON.stringify(progress, null, 2);
    return summary(progress);
  } finally {
    await db.$disconnect();
  }
}

function summary(progress: BackfillProgress): string {
  if (progress.reconcile) {
    return progress.reconcile.resources
      .map((r) => `${r.resource.padEnd(9)} Salla ${r.apiTotal}, stored ${r.storedBefore} → ${r.storedAfter} (${r.repaired} repaired)`)
      .join('\n');
  }
  const lines = Object.entries(progress.resources ?? {}).map(([resource, state]) => `${resource.padEnd(9)} ${state.done}/${state.total ?? '?'}${state.invalid ? ` (${state.invalid} invalid, see dead-letters)` : ''}`);
  const seconds = progress.startedAt && progress.finishedAt ? (Date.parse(progress.finishedAt) - Date.parse(progress.startedAt)) / 1000 : null;
  return [`history backfill ${progress.jobId} succeeded${seconds === null ? '' : ` in ${formatSeconds(seconds)}`}`, ...lines].join('\n');
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
