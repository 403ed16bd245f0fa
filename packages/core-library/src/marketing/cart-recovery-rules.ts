import { z } from 'zod';

/** Minutes after local midnight, 0–1439. */
const minuteOfDay = z.number().int().min(0).max(1439);

/**
 * Quiet hours in the store's time zone: no recovery email goes out from `start` (inclusive) to
 * `end` (exclusive); `start > end` spans midnight (22:00–08:00 is `{ start: 1320, end: 480 }`).
 */
export const quietHoursSchema = z
  .strictObject({ start: minuteOfDay, end: minuteOfDay })
  .refine((q) => q.start !== q.end, { message: 'quiet hours must not start and end at the same minute', path: ['end'] });
export type QuietHours = z.output<typeof quietHoursSchema>;

/** What a cart recovery campaign decides: when, for which carts, how often, and how long a purchase counts. */
export const cartRecoveryRulesSchema = z.strictObject({
  /** Wait this long after the cart's last activity before the first email. */
  delayMinutes: z.number().int().min(5).max(10_080),
  /** Carts worth less (minor units) are left alone. */
  minCartValueMinor: z.number().int().min(0).max(100_000_000),
  /** Emails per cart at most. */
  maxAttempts: z.number().int().min(1).max(5),
  /** Between two emails to the same cart. */
  attemptSpacingMinutes: z.number().int().min(30).max(20_160),
  quietHours: quietHoursSchema.nullable(),
  /** An order by the cart's customer this long after a recovery email counts as recovered by it. */
  attributionWindowHours: z.number().int().min(1).max(720),
});
export type CartRecoveryRules = z.output<typeof cartRecoveryRulesSchema>;

/** Idempotency key of one recovery email in the email ledger. */
export function cartRecoveryEmailKey(campaignId: string, cartId: number, attempt: number): string {
  return `cart-recovery:${campaignId}:${cartId}:${attempt}`;
}
