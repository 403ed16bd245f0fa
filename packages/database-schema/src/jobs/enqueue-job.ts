import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { Job, Prisma } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const EnqueueJobInputSchema = z.object({
  /** What to run, e.g. `backfill.orders`. */
  type: z.string().min(1).max(100),
  /** The merchant the job works for; null for platform-wide jobs. */
  merchantId: MerchantIdSchema.nullable(),
  runAt: z.date().optional(),
  /** At most one job per key, ever (e.g. `backfill.orders:1305146709`). */
  dedupeKey: z.string().min(1).max(200).optional(),
  progressTotal: z.number().int().nonnegative().optional(),
  checkpoint: z.custom<Prisma.InputJsonValue>((value) => value !== undefined && value !== null).optional(),
});

export type EnqueueJobInput = z.input<typeof EnqueueJobInputSchema>;

/** Queues a job. With a dedupe key, a second enqueue returns the first job with `duplicate: true`. */
export async function enqueueJob(
  db: DatabaseClient,
  input: EnqueueJobInput,
): Promise<{ job: Job; duplicate: boolean }> {
  const data = EnqueueJobInputSchema.parse(input);
  if (data.dedupeKey === undefined) return { job: await db.job.create({ data }), duplicate: false };
  const [created] = await db.job.createManyAndReturn({ data: [data], skipDuplicates: true });
  if (created) return { job: created, duplicate: false };
  return { job: await db.job.findUniqueOrThrow({ where: { dedupeKey: data.dedupeKey } }), duplicate: true };
}
