import { z } from 'zod';
import { type CurrencyCode, DEFAULT_CURRENCY } from '../money/currency.js';
import { type Money, moneyFromDecimal } from '../money/money.js';
import { optionalField, sallaNumber } from './primitives.js';

/**
 * Salla's money shape `{ amount, currency }`, amount in major units (riyals, as a decimal).
 * A bare number is accepted too and becomes `{ amount }`: older payloads send `price: 320`.
 */
export const sallaAmountSchema = z.union([
  z.looseObject({ amount: sallaNumber, currency: optionalField(z.string()) }),
  sallaNumber.transform((amount) => ({ amount })),
]);

export type SallaAmount = z.output<typeof sallaAmountSchema>;

/**
 * Exact integer minor units for a Salla amount. The amount's own currency wins over the
 * fallback (usually the order's currency), which wins over SAR.
 */
export function sallaAmountToMoney(
  amount: { amount: number; currency?: string | undefined } | undefined,
  fallbackCurrency: CurrencyCode = DEFAULT_CURRENCY,
): Money {
  return moneyFromDecimal(amount?.amount ?? 0, amount?.currency ?? fallbackCurrency);
}
