import { BACKFILL_JOB_TYPE, type BackfillProgress, backfillProgressOf } from '@salla-analytics/core-library';
import { type Database, enqueueJobUnlessActive, listJobs } from '@salla-analytics/database-schema';

/** The store's latest history import (backfill from Salla's Admin API) as progress, or null if none ever ran. */
export async function latestHistoryImport(db: Database, merchantId: number): Promise<BackfillProgress | null> {
  const [job] = await listJobs(db, { merchantId, type: BACKFILL_JOB_TYPE, limit: 1 });
  return job ? backfillProgressOf(job) : null;
}

/**
 * Queues the history import for the pipeline's workers (or returns the one already under way:
 * a second click never starts a second import).
 */
export async function startHistoryImport(db: Database, merchantId: number): Promise<{ started: boolean; progress: BackfillProgress }> {
  const { job, started } = await enqueueJobUnlessActive(db, { type: BACKFILL_JOB_TYPE, merchantId });
  return { started, progress: backfillProgressOf(job) };
}
