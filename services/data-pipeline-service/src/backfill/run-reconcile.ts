import { BACKFILL_RESOURCES, type ReconcileReport } from '@salla-analytics/core-library';
import { type Job, updateJobProgress } from '@salla-analytics/database-schema';
import type { SallaAdminClient } from '@salla-analytics/integration-gateways';
import { countStoredEntities, type createAnalyticsClient, findStoredEntityIds } from '@salla-analytics/olap-repository';
import type { Logger } from 'pino';
import { JobStopped } from './run-backfill.js';
import { type SnapshotWriteDeps, writeSnapshotPage } from './write-snapshots.js';

export interface ReconcileDeps extends SnapshotWriteDeps {
  admin: SallaAdminClient;
  analytics: ReturnType<typeof createAnalyticsClient>;
  logger: Logger;
  leaseMs: number;
  signal?: AbortSignal;
}

/**
 * The reconciliation sweep: for products, customers and orders, compares Salla's total with the
 * live entities we hold. Where they differ, it walks Salla's pages, looks up which ids we lack and
 * writes exactly those through the backfill's snapshot path (same transforms, same idempotent
 * writes), then counts again. The report is kept in the job's checkpoint.
 */
export async function runReconcile(deps: ReconcileDeps, job: Job): Promise<ReconcileReport> {
  const merchantId = Number(job.merchantId);
  const report: ReconcileReport = { v: 1, kind: 'reconcile', resources: [], updatedAt: new Date().toISOString() };
  let done = 0;
  for (const resource of BACKFILL_RESOURCES) {
    if (deps.signal?.aborted) throw new JobStopped('stopping');
    const first = await deps.admin.list(resource, merchantId, { page: 1, perPage: 60 });
    const apiTotal = first.total;
    const storedBefore = await countStoredEntities(deps.analytics, { merchantId, table: resource });
    let repaired = 0;
    if (storedBefore !== apiTotal) {
      for (let page = 1; page <= Math.max(1, first.totalPages); page++) {
        if (deps.signal?.aborted) throw new JobStopped('stopping');
        const result = page === 1 ? first : await deps.admin.list(resource, merchantId, { page, perPage: 60 });
        const ids = (result.items as Array<{ id: number }>).map((item) => item.id);
        const stored = await findStoredEntityIds(deps.analytics, { merchantId, table: resource, ids });
        const missing = new Set(ids.filter((id) => !stored.has(id)));
        if (missing.size > 0) {
          const { written, committed } = await writeSnapshotPage(deps, resource, merchantId, result, missing);
          await committed;
          repaired += written;
        }
        done += ids.length;
        const running = await updateJobProgress(deps.db, job.id, { done, leaseMs: deps.leaseMs });
        if (!running) throw new JobStopped('canceled');
        if (page >= result.totalPages) break;
      }
    }
    const storedAfter = repaired > 0 ? await countStoredEntities(deps.analytics, { merchantId, table: resource }) : storedBefore;
    report.resources.push({ resource, apiTotal, storedBefore, repaired, storedAfter });
    deps.logger.info({ merchantId, jobId: job.id, resource, apiTotal, storedBefore, repaired, storedAfter }, 'reconciliation compared');
  }
  report.updatedAt = new Date().toISOString();
  await updateJobProgress(deps.db, job.id, { done, total: done, checkpoint: report, leaseMs: deps.leaseMs });
  return report;
}
