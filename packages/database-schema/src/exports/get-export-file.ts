import type { DatabaseClient } from '../client.js';
import type { ExportFile } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

const UUID = /^[0-9a-f-]{36}$/i;

/** One of the merchant's unexpired export files, with its bytes (null if absent, expired or another merchant's). */
export async function getExportFile(
  db: DatabaseClient,
  { merchantId, id, now = new Date() }: { merchantId: MerchantIdInput; id: string; now?: Date },
): Promise<ExportFile | null> {
  if (!UUID.test(id)) return null;
  return db.exportFile.findFirst({ where: { id, merchantId: toMerchantId(merchantId), expiresAt: { gt: now } } });
}

/** The merchant's file written by a job, without its bytes. */
export async function findExportFileOfJob(
  db: DatabaseClient,
  { merchantId, jobId }: { merchantId: MerchantIdInput; jobId: string },
): Promise<Omit<ExportFile, 'content'> | null> {
  if (!UUID.test(jobId)) return null;
  return db.exportFile.findFirst({
    where: { jobId, merchantId: toMerchantId(merchantId) },
    omit: { content: true },
  });
}
