import { z } from 'zod';

/**
 * The history import (backfill) and reconciliation jobs, as the pipeline runs them and the admin
 * CLI and the PWA show them: job types, the checkpoint the pipeline keeps in the jobs table, and
 * the progress (done / total, rate, ETA) read back from it.
 */
export const BACKFILL_JOB_TYPE = 'salla.backfill';
export const RECONCILE_JOB_TYPE = 'salla.reconcile';
export const BACKFILL_RESOURCES = ['products', 'customers', 'orders'] as const;
export type BackfillResource = (typeof BACKFILL_RESOURCES)[number];

export const backfillResourceStateSchema = z.object({
  /** The first page not yet committed: where a restarted job resumes. */
  nextPage: z.number().int().min(1),
  /** Items committed so far (pages before nextPage). */
  done: z.number().int().nonnegative(),
  /** Salla's `pagination.total`, once the first page was read. */
  total: z.number().int().nonnegative().nullable(),
  finished: z.boolean(),
  /** Items Salla sent that did not match the documented shape (kept as dead letters). */
  invalid: z.number().int().nonnegative(),
});

export const backfillCheckpointSchema = z.object({
  v: z.literal(1),
  resources: z.object({
    products: backfillResourceStateSchema,
    customers: backfillResourceStateSchema,
    orders: backfillResourceStateSchema,
  }),
  /** Items per second over the current run (resumed runs start counting again). */
  ratePerSecond: z.number().nonnegative().nullable(),
  etaSeconds: z.number().nonnegative().nullable(),
  updatedAt: z.string(),
});

export type BackfillResourceState = z.infer<typeof backfillResourceStateSchema>;
export type BackfillCheckpoint = z.infer<typeof backfillCheckpointSchema>;

export const reconcileReportSchema = z.object({
  v: z.literal(1),
  kind: z.literal('reconcile'),
  resources: z.array(
    z.object({
      resource: z.enum(BACKFILL_RESOURCES),
      /** Salla's total. */
      apiTotal: z.number().int().nonnegative(),
      storedBefore: z.number().int().nonnegative(),
      /** Entities Salla has and we had not, written now. */
      repaired: z.number().int().nonnegative(),
      storedAfter: z.number().int().nonnegative(),
    }),
  ),
  updatedAt: z.string(),
});

export type ReconcileReport = z.infer<typeof reconcileReportSchema>;

export function emptyBackfillCheckpoint(now = new Date()): BackfillCheckpoint {
  const fresh = (): BackfillResourceState => ({ nextPage: 1, done: 0, total: null, finished: false, invalid: 0 });
  return { v: 1, resources: { products: fresh(), customers: fresh(), orders: fresh() }, ratePerSecond: null, etaSeconds: null, updatedAt: now.toISOString() };
}

/** The fields of a jobs row the progress is read from (database-schema's `Job` fits). */
export interface JobProgressSource {
  id: string;
  type: string;
  status: string;
  progressDone: number;
  progressTotal: number | null;
  checkpoint: unknown;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
}

export interface BackfillProgress {
  jobId: string;
  type: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  done: number;
  total: number | null;
  /** 0..1 when the total is known. */
  fraction: number | null;
  ratePerSecond: number | null;
  etaSeconds: number | null;
  resources: BackfillCheckpoint['resources'] | null;
  reconcile: ReconcileReport | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const STATUSES = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const;

/** A job row as progress for a progress bar (CLI) or the Settings page (PWA). JSON-ready. */
export function backfillProgressOf(job: JobProgressSource): BackfillProgress {
  const checkpoint = backfillCheckpointSchema.safeParse(job.checkpoint);
  const report = reconcileReportSchema.safeParse(job.checkpoint);
  const total = job.progressTotal;
  const running = job.status === 'running';
  return {
    jobId: job.id,
    type: job.type,
    status: (STATUSES as readonly string[]).includes(job.status) ? (job.status as BackfillProgress['status']) : 'queued',
    done: job.progressDone,
    total,
    fraction: total ? Math.min(1, job.progressDone / total) : job.status === 'succeeded' ? 1 : null,
    ratePerSecond: checkpoint.success ? checkpoint.data.ratePerSecond : null,
    etaSeconds: checkpoint.success && running ? checkpoint.data.etaSeconds : job.status === 'succeeded' ? 0 : null,
    resources: checkpoint.success ? checkpoint.data.resources : null,
    reconcile: report.success ? report.data : null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
