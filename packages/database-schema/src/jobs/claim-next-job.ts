import type { Database } from '../client.js';
import { type Job, Prisma } from '../generated/prisma/client.js';

export type ClaimNextJobInput = {
  /** Only claim jobs of these types (default: any). */
  types?: readonly string[];
  /**
   * With a lease, the claimed job must be renewed (`heartbeatJob`, `updateJobProgress` with
   * `leaseMs`) within this many ms, and a running job whose lease ran out (its worker was
   * killed) is claimed again — it resumes from its checkpoint. Without, running jobs are never taken over.
   */
  leaseMs?: number;
  now?: Date;
};

/**
 * Takes the oldest due queued job and marks it running (attempts + 1). `FOR UPDATE SKIP LOCKED`
 * lets any number of workers claim concurrently without ever getting the same job.
 */
export async function claimNextJob(
  db: Database,
  { types, leaseMs, now = new Date() }: ClaimNextJobInput = {},
): Promise<Job | null> {
  const typeFilter = types?.length ? Prisma.sql`AND "type" IN (${Prisma.join([...types])})` : Prisma.empty;
  const expired = leaseMs === undefined ? Prisma.empty : Prisma.sql`OR ("status" = 'running' AND "lease_expires_at" < ${now})`;
  return db.$transaction(async (tx) => {
    const [next] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "jobs"
      WHERE (("status" = 'queued' AND "run_at" <= ${now}) ${expired}) ${typeFilter}
      ORDER BY "run_at", "created_at"
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    if (!next) return null;
    return tx.job.update({
      where: { id: next.id },
      data: {
        status: 'running',
        startedAt: now,
        finishedAt: null,
        attempts: { increment: 1 },
        leaseExpiresAt: leaseMs === undefined ? null : new Date(now.getTime() + leaseMs),
      },
    });
  });
}
