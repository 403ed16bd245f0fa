import type { DatabaseClient } from '../client.js';
import type { EmailDelivery, EmailDeliveryStatus } from '../generated/prisma/client.js';

/**
 * One merchant's ledger rows, newest first; with `claimedBefore` and status `sending`: the sends
 * interrupted by a crash (never re-sent automatically; an operator looks at them).
 */
export async function listEmailDeliveries(
  db: DatabaseClient,
  { merchantId, status, claimedBefore, keyPrefix, limit = 100 }: { merchantId?: bigint | number; status?: EmailDeliveryStatus; claimedBefore?: Date; keyPrefix?: string; limit?: number },
): Promise<EmailDelivery[]> {
  return db.emailDelivery.findMany({
    where: {
      ...(merchantId === undefined ? {} : { merchantId: BigInt(merchantId) }),
      ...(status ? { status } : {}),
      ...(claimedBefore ? { claimedAt: { lt: claimedBefore } } : {}),
      ...(keyPrefix ? { idempotencyKey: { startsWith: keyPrefix } } : {}),
    },
    orderBy: [{ claimedAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(limit, 1), 1000),
  });
}
