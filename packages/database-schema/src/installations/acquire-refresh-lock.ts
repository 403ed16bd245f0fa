import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export type AcquireRefreshLockInput = {
  merchantId: MerchantIdInput;
  /** How long the lease lasts if its holder dies without releasing it. */
  leaseMs?: number;
  now?: Date;
};

export type AcquireRefreshLockResult =
  | { acquired: true; lockedUntil: Date; version: number }
  | { acquired: false; reason: 'locked' | 'not-installed' };

/**
 * Takes the per-merchant lease for refreshing Salla tokens. A Salla refresh token works once;
 * a second concurrent refresh revokes the whole chain, so only the lease holder may refresh.
 * One conditional UPDATE: two callers can never both acquire it.
 */
export async function acquireRefreshLock(
  db: DatabaseClient,
  { merchantId, leaseMs = 30_000, now = new Date() }: AcquireRefreshLockInput,
): Promise<AcquireRefreshLockResult> {
  const id = toMerchantId(merchantId);
  const lockedUntil = new Date(now.getTime() + leaseMs);
  const { count } = await db.installation.updateMany({
    where: { merchantId: id, OR: [{ refreshLockedUntil: null }, { refreshLockedUntil: { lte: now } }] },
    data: { refreshLockedUntil: lockedUntil },
  });
  const row = await db.installation.findUnique({ where: { merchantId: id }, select: { version: true } });
  if (!row) return { acquired: false, reason: 'not-installed' };
  return count === 1
    ? { acquired: true, lockedUntil, version: row.version }
    : { acquired: false, reason: 'locked' };
}
