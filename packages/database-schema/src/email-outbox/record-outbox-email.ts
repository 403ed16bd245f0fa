import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { EmailOutbox } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const RecordOutboxEmailInputSchema = z.object({
  idempotencyKey: z.string().min(1).max(200),
  merchantId: MerchantIdSchema.nullable(),
  from: z.string().min(3),
  to: z.string().min(3),
  subject: z.string().min(1),
  htmlBody: z.string(),
  textBody: z.string(),
  template: z.string().min(1),
  locale: z.string().min(2).max(5),
});

export type RecordOutboxEmailInput = z.input<typeof RecordOutboxEmailInputSchema>;

/**
 * Keeps an email of the embedded default (no Postmark): once per idempotency key — a second
 * record with the same key returns the first with `duplicate: true` (ON CONFLICT DO NOTHING).
 */
export async function recordOutboxEmail(db: DatabaseClient, input: RecordOutboxEmailInput): Promise<{ email: EmailOutbox; duplicate: boolean }> {
  const { from, to, ...rest } = RecordOutboxEmailInputSchema.parse(input);
  const [created] = await db.emailOutbox.createManyAndReturn({ data: [{ ...rest, fromAddress: from, toAddress: to }], skipDuplicates: true });
  if (created) return { email: created, duplicate: false };
  return { email: await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: rest.idempotencyKey } }), duplicate: true };
}

/** Outbox emails, newest first (all merchants when `merchantId` is omitted: operator view). */
export async function listOutboxEmails(db: DatabaseClient, { merchantId, limit = 50 }: { merchantId?: bigint | number; limit?: number } = {}): Promise<EmailOutbox[]> {
  return db.emailOutbox.findMany({
    where: merchantId === undefined ? {} : { merchantId: BigInt(merchantId) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(Math.max(limit, 1), 500),
  });
}
