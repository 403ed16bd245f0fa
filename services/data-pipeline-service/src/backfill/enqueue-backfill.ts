import { BACKFILL_JOB_TYPE, RECONCILE_JOB_TYPE } from '@salla-analytics/core-library';
import { type Database, enqueueJobUnlessActive, type Job } from '@salla-analytics/database-schema';

export type HistoryJobKind = 'backfill' | 'reconcile';

/**
 * Queues a history backfill (or a reconciliation sweep) for a merchant, unless one is already
 * queued or running — then that one is returned (`started: false`). `installedAt` makes the
 * install-time backfill once per installation, however often its event is processed.
 */
export async function enqueueHistoryJob(
  db: Database,
  { merchantId, kind = 'backfill', installedAt }: { merchantId: number; kind?: HistoryJobKind; installedAt?: Date },
): Promise<{ job: Job; started: boolean }> {
  const type = kind === 'backfill' ? BACKFILL_JOB_TYPE : RECONCILE_JOB_TYPE;
  return enqueueJobUnlessActive(db, {
    type,
    merchantId,
    ...(installedAt ? { dedupeKey: `${type}:install:${merchantId}:${installedAt.getTime()}` } : {}),
  });
}
