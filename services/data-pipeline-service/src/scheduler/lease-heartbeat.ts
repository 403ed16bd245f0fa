import { type DatabaseClient, heartbeatJob } from '@salla-analytics/database-schema';

/**
 * Renews a claimed job's lease every third of it while its run lasts; aborts `controller` once
 * the job is no longer ours (canceled, or taken over after the lease ran out). Returns the stop.
 */
export function keepJobLease(db: DatabaseClient, jobId: string, options: { leaseMs: number; controller: AbortController; clock?: () => Date }): () => void {
  const timer = setInterval(() => {
    heartbeatJob(db, jobId, { leaseMs: options.leaseMs, ...(options.clock ? { now: options.clock() } : {}) })
      .then((running) => {
        if (!running) options.controller.abort();
      })
      .catch(() => undefined);
  }, Math.max(250, Math.floor(options.leaseMs / 3)));
  return () => clearInterval(timer);
}
