import type { DatabaseClient } from '../client.js';
import type { ImportUpload } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** One of the merchant's uploads with its bytes (null if absent or another merchant's). */
export async function getImportUpload(db: DatabaseClient, { merchantId, id }: { merchantId: MerchantIdInput; id: string }): Promise<ImportUpload | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.importUpload.findFirst({ where: { id, merchantId: toMerchantId(merchantId) } });
}
