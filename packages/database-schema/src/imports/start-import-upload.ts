import { AppError } from '@salla-analytics/core-library';
import type { Database } from '../client.js';
import type { ImportUpload, Job } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/**
 * Saves the confirmed column mapping and queues the upload's import job, once: a second call (a
 * double click, a retried request) returns the job already queued for this upload.
 */
export async function startImportUpload(
  db: Database,
  input: { merchantId: MerchantIdInput; id: string; mapping: Record<string, number>; jobType: string; rowCount: number },
): Promise<{ upload: ImportUpload; job: Job; started: boolean }> {
  const merchantId = toMerchantId(input.merchantId);
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "import_uploads" WHERE "id" = ${input.id}::uuid AND "merchant_id" = ${merchantId} FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', 'No such upload');
    const upload = await tx.importUpload.findUniqueOrThrow({ where: { id: input.id } });
    if (upload.jobId !== null) {
      return { upload, job: await tx.job.findUniqueOrThrow({ where: { id: upload.jobId } }), started: false };
    }
    const job = await tx.job.create({
      data: { type: input.jobType, merchantId, progressTotal: input.rowCount, dedupeKey: `${input.jobType}:${upload.id}`, checkpoint: { uploadId: upload.id, done: 0 } },
    });
    const updated = await tx.importUpload.update({ where: { id: upload.id }, data: { mapping: input.mapping, jobId: job.id } });
    return { upload: updated, job, started: true };
  });
}
