import type { DatabaseClient } from '../client.js';
import type { WebhookInbox } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** One inbox entry of this merchant (null if it belongs to another merchant or does not exist). */
export async function getDelivery(
  db: DatabaseClient,
  { merchantId, id }: { merchantId: MerchantIdInput; id: string },
): Promise<WebhookInbox | null> {
  return db.webhookInbox.findFirst({ where: { id, merchantId: toMerchantId(merchantId) } });
}
