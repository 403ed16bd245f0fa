import { isAppError } from '@salla-analytics/core-library';
import {
  claimEmailDelivery,
  type Database,
  type EmailDeliveryStatus,
  markEmailDeliveryFailed,
  markEmailDeliverySent,
} from '@salla-analytics/database-schema';
import type { EmailSender, TemplatedEmail } from '@salla-analytics/integration-gateways';

/** The email without its ledger fields (they come from `merchantId` and `idempotencyKey`). */
export type LedgerEmail = TemplatedEmail extends infer E ? (E extends TemplatedEmail ? Omit<E, 'idempotencyKey' | 'merchantId'> : never) : never;

export interface SendEmailOnceInput {
  merchantId: number | bigint;
  /** e.g. `alert:<ruleId>:<windowStart>`, `digest:<userId>:daily:<localDate>`, `cart-recovery:<campaignId>:<cartId>:<attempt>`. */
  idempotencyKey: string;
  email: LedgerEmail;
  now?: Date;
}

export type SendEmailOnceResult =
  | { status: 'sent'; messageId: string | null; deliveryId: string }
  /**
   * Nothing sent: the key was sent already (`sent`), or claimed by a send in progress or one a
   * crash interrupted (`sending` — never re-sent automatically; `listEmailDeliveries` reports it).
   */
  | { status: 'skipped'; existing: EmailDeliveryStatus; deliveryId: string };

/**
 * Sends an email at most once per (merchant, idempotency key), across processes, retries and
 * duplicate triggers: the key is claimed in a committed `email_deliveries` row BEFORE the send,
 * then marked sent. A send the provider refused (nothing went out) marks the row `failed`, so a
 * retry may claim it again; an ambiguous failure (timeout) leaves it `sending`, like a crash.
 * Errors are rethrown so the caller's job retries.
 */
export async function sendEmailOnce(deps: { db: Database; sender: EmailSender }, input: SendEmailOnceInput): Promise<SendEmailOnceResult> {
  const { db, sender } = deps;
  const claim = await claimEmailDelivery(db, {
    merchantId: input.merchantId,
    idempotencyKey: input.idempotencyKey,
    to: input.email.to,
    template: input.email.template,
    ...(input.now ? { now: input.now } : {}),
  });
  if (!claim.claimed) return { status: 'skipped', existing: claim.delivery.status, deliveryId: claim.delivery.id };
  const deliveryId = claim.delivery.id;
  try {
    const result = await sender.send({
      ...input.email,
      merchantId: Number(input.merchantId),
      // The sender's own key (outbox row, Postmark metadata) is global: prefix the merchant.
      idempotencyKey: `${input.merchantId}:${input.idempotencyKey}`,
    } as TemplatedEmail);
    await markEmailDeliverySent(db, deliveryId, { messageId: result.messageId });
    return { status: 'sent', messageId: result.messageId, deliveryId };
  } catch (error) {
    if (!(isAppError(error) && error.code === 'TIMEOUT')) {
      await markEmailDeliveryFailed(db, deliveryId, { error: error instanceof Error ? error.message : String(error) }).catch(() => undefined);
    }
    throw error;
  }
}
