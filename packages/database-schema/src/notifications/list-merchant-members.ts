import type { DatabaseClient } from '../client.js';
import { toMerchantId } from '../merchants/merchant-id.js';

export interface MerchantMember {
  userId: string;
  email: string;
  name: string | null;
  locale: 'ar' | 'en';
  role: string;
}

/** The users of one store (who get its alerts). */
export async function listMerchantMembers(db: DatabaseClient, merchantId: bigint | number): Promise<MerchantMember[]> {
  const memberships = await db.membership.findMany({
    where: { merchantId: toMerchantId(merchantId) },
    include: { user: { select: { id: true, email: true, name: true, locale: true } } },
    orderBy: { userId: 'asc' },
  });
  return memberships.map((membership) => ({
    userId: membership.user.id,
    email: membership.user.email,
    name: membership.user.name,
    locale: membership.user.locale,
    role: membership.role,
  }));
}
