import type { DatabaseClient } from '../client.js';
import type { Notification, Prisma } from '../generated/prisma/client.js';
import { toMerchantId } from '../merchants/merchant-id.js';

/** One notification per (alert event, user): repeating it adds nothing. Returns how many were new. */
export async function createAlertNotifications(
  db: DatabaseClient,
  input: { merchantId: bigint; alertEventId: string; userIds: string[]; data: Prisma.InputJsonValue; createdAt?: Date },
): Promise<number> {
  const { count } = await db.notification.createMany({
    data: input.userIds.map((userId) => ({
      merchantId: input.merchantId,
      userId,
      kind: 'alert',
      alertEventId: input.alertEventId,
      data: input.data,
      ...(input.createdAt ? { createdAt: input.createdAt } : {}),
    })),
    skipDuplicates: true,
  });
  return count;
}

/** One user's notifications in one store, newest first, and how many are unread. */
export async function listNotifications(
  db: DatabaseClient,
  { merchantId, userId, limit = 30 }: { merchantId: bigint | number; userId: string; limit?: number },
): Promise<{ items: Notification[]; unread: number }> {
  const where = { merchantId: toMerchantId(merchantId), userId };
  const [items, unread] = await Promise.all([
    db.notification.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: Math.min(Math.max(limit, 1), 200) }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { items, unread };
}

/** Marks the user's notifications read (these ids, or all); others' ids are ignored. Returns the count changed. */
export async function markNotificationsRead(
  db: DatabaseClient,
  { merchantId, userId, ids, now = new Date() }: { merchantId: bigint | number; userId: string; ids?: string[]; now?: Date },
): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { merchantId: toMerchantId(merchantId), userId, readAt: null, ...(ids ? { id: { in: ids } } : {}) },
    data: { readAt: now },
  });
  return count;
}
