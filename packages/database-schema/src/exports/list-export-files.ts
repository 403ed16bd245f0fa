import type { DatabaseClient } from '../client.js';
import type { ExportFile } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** The merchant's unexpired export files, newest first, without their bytes. */
export async function listExportFiles(
  db: DatabaseClient,
  { merchantId, limit = 10, now = new Date() }: { merchantId: MerchantIdInput; limit?: number; now?: Date },
): Promise<Array<Omit<ExportFile, 'content'>>> {
  return db.exportFile.findMany({
    where: { merchantId: toMerchantId(merchantId), expiresAt: { gt: now } },
    orderBy: { createdAt: 'desc' },
    take: Math.min(Math.max(limit, 1), 100),
    omit: { content: true },
  });
}
