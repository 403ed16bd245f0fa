import type { DatabaseClient } from '../client.js';
import type { ImportUpload } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** The merchant's latest uploads (kept or imported), newest first, without their bytes. */
export async function listImportUploads(
  db: DatabaseClient,
  { merchantId, limit = 10 }: { merchantId: MerchantIdInput; limit?: number },
): Promise<Array<Omit<ImportUpload, 'content'>>> {
  return db.importUpload.findMany({
    where: { merchantId: toMerchantId(merchantId) },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(limit, 1), 100),
    omit: { content: true },
  });
}
