import type { Database } from '../client.js';
import { type Job, Prisma } from '../generated/prisma/client.js';

export type ClaimNextJobInput = {
  /** Only claim jobs of these types (default: any). */
  types?: readonly string[];
  now?: Date;
};

/**
 * Takes the oldest due queued job and marks it running (attempts + 1). `FOR UPDATE SKIP LOCKED`
 * lets any number of workers claim concurrently without ever getting the same job.
 */
export async function claimNextJob(
  db: Database,
  { types, now = new Date() }: ClaimNextJobInput = {},
): Promise<Job | null> {
  const typeFilter = types?.length ? Prisma.sql`AND "type" IN (${Prisma.join([...types])})` : Prisma.empty;
  return db.$transaction(async (tx) => {
    const [next] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "jobs"
      WHERE "status" = 'queued' AND "run_at" <= ${now} ${typeFilter}
      ORDER BY "run_at", "created_at"
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    if (!next) return null;
    return tx.job.update({
      where: { id: next.id },
      data: { status: 'running', startedAt: now, finishedAt: null, attempts: { increment: 1 } },
    });
  });
}
