import { z } from 'zod';
import type { DatabaseClient } from '../client.js';
import type { InboxStatus } from '../generated/prisma/client.js';
import { MerchantIdSchema } from '../merchants/merchant-id.js';

export const RecordDeliveryInputSchema = z.object({
  merchantId: MerchantIdSchema,
  /** See deliveryKeyOf: a hash of the raw body, or Salla's delivery id when one is present. */
  deliveryKey: z.string().min(1).max(200),
  event: z.string().min(1),
  rawBody: z.string(),
  receivedAt: z.date().optional(),
  /** W3C `traceparent` of the delivering request (tracing on); null otherwise. */
  traceContext: z.string().max(512).nullish(),
});

export type RecordDeliveryInput = z.input<typeof RecordDeliveryInputSchema>;

export type RecordDeliveryResult =
  | { duplicate: false; id: string }
  | { duplicate: true; id: string; status: InboxStatus };

/**
 * Writes a webhook delivery to the inbox exactly once per (merchant, delivery key).
 * A repeat is reported as `duplicate: true` (with the first delivery's id and status) — it never
 * throws for a duplicate, and uses ON CONFLICT DO NOTHING, so it is safe inside a transaction.
 */
export async function recordDelivery(
  db: DatabaseClient,
  input: RecordDeliveryInput,
): Promise<RecordDeliveryResult> {
  const data = RecordDeliveryInputSchema.parse(input);
  for (;;) {
    const [inserted] = await db.webhookInbox.createManyAndReturn({
      data: [data],
      skipDuplicates: true,
      select: { id: true },
    });
    if (inserted) return { duplicate: false, id: inserted.id };
    const existing = await db.webhookInbox.findUnique({
      where: { merchantId_deliveryKey: { merchantId: data.merchantId, deliveryKey: data.deliveryKey } },
      select: { id: true, status: true },
    });
    // Absent only if the first copy was purged between the two statements: insert again.
    if (existing) return { duplicate: true, id: existing.id, status: existing.status };
  }
}
