import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { type CurrencyCode, currencyCodeSchema } from './currency.js';
import { toMinorUnits } from './to-minor-units.js';

/** Money is always integer minor units plus a currency; never a float in storage. */
export type Money = { amountMinor: number; currency: CurrencyCode };

export const moneySchema = z.object({
  amountMinor: z.number().int().refine(Number.isSafeInteger, 'expected a safe integer'),
  currency: currencyCodeSchema,
});

/** Money from a decimal amount in major units (see toMinorUnits for parsing and rounding). */
export function moneyFromDecimal(amount: number | string, currency: CurrencyCode): Money {
  const code = currency.toUpperCase();
  return { amountMinor: toMinorUnits(amount, code), currency: code };
}

export function zeroMoney(currency: CurrencyCode): Money {
  return { amountMinor: 0, currency: currency.toUpperCase() };
}

/** a + b. Different currencies are a programming error here (convert first), so it throws. */
export function addMoney(a: Money, b: Money): Money {
  return { amountMinor: checked(a.amountMinor + b.amountMinor), currency: sameCurrency(a, b) };
}

/** a - b, same rules as addMoney. */
export function subtractMoney(a: Money, b: Money): Money {
  return { amountMinor: checked(a.amountMinor - b.amountMinor), currency: sameCurrency(a, b) };
}

/** Sum of a list; the currency is given so that an empty list has one. */
export function sumMoney(items: readonly Money[], currency: CurrencyCode): Money {
  return items.reduce(addMoney, zeroMoney(currency));
}

function sameCurrency(a: Money, b: Money): CurrencyCode {
  const left = a.currency.toUpperCase();
  const right = b.currency.toUpperCase();
  if (left !== right) {
    throw new AppError('INVALID_ARGUMENT', `Cannot combine ${left} with ${right}`, {
      context: { currencies: [left, right] },
    });
  }
  return left;
}

function checked(amountMinor: number): number {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new AppError('INVALID_ARGUMENT', 'Money amount overflowed the safe integer range');
  }
  return amountMinor;
}
