import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { EmailDelivery } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const ClaimEmailDeliveryInputSchema = z.object({
  merchantId: MerchantIdSchema,
  /** e.g. `alert:<ruleId>:<windowStart>`, `digest:<userId>:daily:<localDate>`. */
  idempotencyKey: z.string().min(1).max(300),
  to: z.string().min(3).max(320),
  template: z.string().min(1).max(100),
  now: z.date().optional(),
});

export type ClaimEmailDeliveryInput = z.input<typeof ClaimEmailDeliveryInputSchema>;

export type EmailDeliveryClaim = { claimed: true; delivery: EmailDelivery } | { claimed: false; delivery: EmailDelivery };

/**
 * Claims the right to send one email: commits a `sending` row for (merchant, key) before anything
 * is sent. Only one caller ever gets `claimed: true` for a key — concurrent callers and later
 * retries get the existing row — except that a `failed` row (the send was refused, nothing went
 * out) is claimed again, atomically, by one caller.
 */
export async function claimEmailDelivery(db: DatabaseClient, input: ClaimEmailDeliveryInput): Promise<EmailDeliveryClaim> {
  const { merchantId, idempotencyKey, to, template, now = new Date() } = ClaimEmailDeliveryInputSchema.parse(input);
  const [created] = await db.emailDelivery.createManyAndReturn({
    data: [{ merchantId, idempotencyKey, toAddress: to, template, claimedAt: now }],
    skipDuplicates: true,
  });
  if (created) return { claimed: true, delivery: created };
  const where = { merchantId_idempotencyKey: { merchantId, idempotencyKey } };
  const { count } = await db.emailDelivery.updateMany({
    where: { merchantId, idempotencyKey, status: 'failed' },
    data: { status: 'sending', attempts: { increment: 1 }, claimedAt: now, error: null, finishedAt: null },
  });
  return { claimed: count === 1, delivery: await db.emailDelivery.findUniqueOrThrow({ where }) };
}
