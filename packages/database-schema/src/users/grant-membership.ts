import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import { type Membership, MembershipRole } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const GrantMembershipInputSchema = z.object({
  userId: z.uuid(),
  merchantId: MerchantIdSchema,
  role: z.enum(MembershipRole),
});

export type GrantMembershipInput = z.input<typeof GrantMembershipInputSchema>;

/** Gives a user access to a merchant's data with a role (or changes the role). */
export async function grantMembership(db: DatabaseClient, input: GrantMembershipInput): Promise<Membership> {
  const { userId, merchantId, role } = GrantMembershipInputSchema.parse(input);
  return db.membership.upsert({
    where: { userId_merchantId: { userId, merchantId } },
    create: { userId, merchantId, role },
    update: { role },
  });
}
