import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/**
 * Switches the merchant a session acts for — only to a merchant the session's user is a member
 * of (checked in the same UPDATE). Returns false when not allowed or the session is unknown.
 */
export async function setActiveMerchant(
  db: DatabaseClient,
  sessionId: string,
  merchantId: MerchantIdInput,
): Promise<boolean> {
  const id = toMerchantId(merchantId);
  const { count } = await db.session.updateMany({
    where: { id: sessionId, user: { memberships: { some: { merchantId: id } } } },
    data: { activeMerchantId: id },
  });
  return count === 1;
}
