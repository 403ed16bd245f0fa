import type { DatabaseClient } from '../client.js';
import type { Locale, MembershipRole, MerchantStatus } from '../generated/prisma/client.js';

export type UserMerchant = {
  merchantId: bigint;
  role: MembershipRole;
  name: string;
  domain: string | null;
  status: MerchantStatus;
  locale: Locale;
};

/** The merchants a user may switch to (the store picker). */
export async function listUserMerchants(db: DatabaseClient, userId: string): Promise<UserMerchant[]> {
  const rows = await db.membership.findMany({
    where: { userId },
    include: { merchant: { select: { name: true, domain: true, status: true, locale: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(({ merchantId, role, merchant }) => ({ merchantId, role, ...merchant }));
}
