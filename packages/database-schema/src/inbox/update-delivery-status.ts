import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export type DeliveryStatusUpdate =
  | { status: 'queued' }
  | { status: 'processed'; at?: Date }
  | { status: 'failed'; error: string };

/**
 * Moves an inbox entry along received → queued → processed | failed. A failure counts as an
 * attempt and keeps the error; processing clears it. Returns false if the entry is not this
 * merchant's.
 */
export async function updateDeliveryStatus(
  db: DatabaseClient,
  { merchantId, id }: { merchantId: MerchantIdInput; id: string },
  update: DeliveryStatusUpdate,
): Promise<boolean> {
  const data =
    update.status === 'processed'
      ? {
          status: update.status,
          processedAt: update.at ?? new Date(),
          error: null,
          attempts: { increment: 1 },
        }
      : update.status === 'failed'
        ? { status: update.status, error: update.error, attempts: { increment: 1 } }
        : { status: update.status };
  const { count } = await db.webhookInbox.updateMany({
    where: { id, merchantId: toMerchantId(merchantId) },
    data,
  });
  return count === 1;
}
