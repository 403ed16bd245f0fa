import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { RecoverySend } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const ClaimRecoverySendInputSchema = z.object({
  merchantId: MerchantIdSchema,
  campaignId: z.uuid(),
  cartId: z.number().int().positive(),
  customerId: z.number().int().min(0),
  attempt: z.number().int().min(1),
  idempotencyKey: z.string().min(1).max(300),
  cartValueMinor: z.number().int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/),
  now: z.date().optional(),
});
export type ClaimRecoverySendInput = z.input<typeof ClaimRecoverySendInputSchema>;

/**
 * Records that attempt N of a campaign for a cart is being sent (before the email ledger is asked);
 * a second call for the same (campaign, cart, attempt) returns the existing row with `claimed: false`.
 */
export async function claimRecoverySend(db: DatabaseClient, input: ClaimRecoverySendInput): Promise<{ claimed: boolean; send: RecoverySend }> {
  const { now = new Date(), cartId, customerId, ...data } = ClaimRecoverySendInputSchema.parse(input);
  const [created] = await db.recoverySend.createManyAndReturn({
    data: [{ ...data, cartId: BigInt(cartId), customerId: BigInt(customerId), claimedAt: now }],
    skipDuplicates: true,
  });
  if (created) return { claimed: true, send: created };
  const send = await db.recoverySend.findUniqueOrThrow({
    where: { campaignId_cartId_attempt: { campaignId: data.campaignId, cartId: BigInt(cartId), attempt: data.attempt } },
  });
  return { claimed: false, send };
}

/** Marks a claimed send as sent (the ledger sent it, now or earlier) or skipped (purchased meanwhile, refused). */
export async function finishRecoverySend(db: DatabaseClient, id: string, outcome: { status: 'sent'; sentAt: Date } | { status: 'skipped' }): Promise<boolean> {
  const { count } = await db.recoverySend.updateMany({
    where: { id, status: 'sending' },
    data: outcome.status === 'sent' ? { status: 'sent', sentAt: outcome.sentAt } : { status: 'skipped' },
  });
  return count === 1;
}
