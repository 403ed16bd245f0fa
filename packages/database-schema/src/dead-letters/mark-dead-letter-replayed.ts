import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** Records a replay of a dead letter (it stays, for the audit trail). False if not found in that scope. */
export async function markDeadLetterReplayed(
  db: DatabaseClient,
  { id, merchantId, at = new Date() }: { id: string; merchantId: MerchantIdInput | null; at?: Date },
): Promise<boolean> {
  const { count } = await db.deadLetter.updateMany({
    where: { id, merchantId: merchantId === null ? null : toMerchantId(merchantId) },
    data: { replayedAt: at, replayCount: { increment: 1 } },
  });
  return count === 1;
}
