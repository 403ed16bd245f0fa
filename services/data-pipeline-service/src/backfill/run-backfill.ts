import {
  BACKFILL_RESOURCES,
  type BackfillCheckpoint,
  type BackfillResource,
  backfillCheckpointSchema,
  emptyBackfillCheckpoint,
} from '@salla-analytics/core-library';
import { type Job, updateJobProgress } from '@salla-analytics/database-schema';
import type { SallaAdminClient } from '@salla-analytics/integration-gateways';
import type { Logger } from 'pino';
import { type SnapshotWriteDeps, writeSnapshotPage } from './write-snapshots.js';

export interface BackfillDeps extends SnapshotWriteDeps {
  admin: SallaAdminClient;
  logger: Logger;
  /** Pages written but not yet committed at once, per resource. */
  pagesInFlight?: number;
  perPage?: number;
  /** Lease renewed with every progress save. */
  leaseMs: number;
  /** Aborted when the job is canceled or the process stops: the run ends at a page boundary. */
  signal?: AbortSignal;
}

export class JobStopped extends Error {
  constructor(readonly reason: 'canceled' | 'stopping') {
    super(`job ${reason}`);
  }
}

/**
 * Imports a store's products, customers and orders (history backfill), resource by resource in
 * parallel, page by page through the Admin API. Progress (done / total, rate, ETA) and the
 * checkpoint (per resource: the first page not yet committed) are saved in the job row; a run that
 * was killed resumes at the checkpoint, and re-importing the pages after it is harmless (same
 * versions, idempotent writes). New items created during the import land on pages already read
 * (lists are newest first): their webhooks bring them.
 */
export async function runBackfill(deps: BackfillDeps, job: Job): Promise<BackfillCheckpoint> {
  const merchantId = Number(job.merchantId);
  const parsed = backfillCheckpointSchema.safeParse(job.checkpoint);
  const checkpoint = parsed.success ? parsed.data : emptyBackfillCheckpoint();
  const started = Date.now();
  const doneAtStart = totalDone(checkpoint);
  const inFlight = Math.max(1, deps.pagesInFlight ?? 4);
  let saving: Promise<void> = Promise.resolve();
  let lastSave = 0;

  const save = (force = false) => {
    const now = Date.now();
    if (!force && now - lastSave < 250) return saving;
    lastSave = now;
    const done = totalDone(checkpoint);
    const seconds = (now - started) / 1000;
    const rate = seconds > 0.5 ? (done - doneAtStart) / seconds : null;
    const total = grandTotal(checkpoint);
    checkpoint.ratePerSecond = rate === null ? null : Math.round(rate * 10) / 10;
    checkpoint.etaSeconds = rate && total !== null ? Math.max(0, Math.round((total - done) / rate)) : null;
    checkpoint.updatedAt = new Date(now).toISOString();
    const snapshot = structuredClone(checkpoint);
    saving = saving.then(async () => {
      const running = await updateJobProgress(deps.db, job.id, {
        done,
        ...(total === null ? {} : { total }),
        checkpoint: snapshot,
        leaseMs: deps.leaseMs,
      });
      if (!running) throw new JobStopped('canceled');
    });
    return saving;
  };

  const importResource = async (resource: BackfillResource) => {
    const state = checkpoint.resources[resource];
    if (state.finished) return;
    const pending: Array<{ page: number; count: number; invalid: number; committed: Promise<void> }> = [];
    const settle = async (all: boolean) => {
      while (pending.length > 0 && (all || pending.length >= inFlight)) {
        const head = pending[0]!;
        await head.committed;
        pending.shift();
        state.nextPage = head.page + 1;
        state.done += head.count;
        state.invalid += head.invalid;
        await save();
      }
    };
    for (let page = state.nextPage; ; page++) {
      if (deps.signal?.aborted) throw new JobStopped('stopping');
      const result = await deps.admin.list(resource, merchantId, { page, perPage: deps.perPage ?? 60 });
      state.total = result.total;
      const { written, committed } = await writeSnapshotPage(deps, resource, merchantId, result);
      // Never an unhandled rejection while it waits its turn in `pending`.
      committed.catch(() => undefined);
      pending.push({ page, count: written, invalid: result.invalid.length, committed });
      await settle(false);
      if (page >= result.totalPages) break;
    }
    await settle(true);
    state.finished = true;
    await save(true);
  };

  await Promise.all(BACKFILL_RESOURCES.map(importResource));
  await save(true);
  deps.logger.info(
    { merchantId, jobId: job.id, done: totalDone(checkpoint), seconds: Math.round((Date.now() - started) / 100) / 10, ratePerSecond: checkpoint.ratePerSecond },
    'history backfill finished',
  );
  return checkpoint;
}

function totalDone(checkpoint: BackfillCheckpoint): number {
  return BACKFILL_RESOURCES.reduce((sum, resource) => sum + checkpoint.resources[resource].done, 0);
}

function grandTotal(checkpoint: BackfillCheckpoint): number | null {
  let total = 0;
  for (const resource of BACKFILL_RESOURCES) {
    const value = checkpoint.resources[resource].total;
    if (value === null) return null;
    total += value;
  }
  return total;
}
