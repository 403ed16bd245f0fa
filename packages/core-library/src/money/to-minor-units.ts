import Big from 'big.js';
import { AppError } from '../errors/app-error.js';
import { type CurrencyCode, currencyExponent } from './currency.js';
import { decimalStringOf } from './normalize-decimal.js';

/**
 * Converts a decimal amount in major units (riyals) to integer minor units (halalas), exactly.
 *
 * The arithmetic is decimal (big.js on the number's shortest round-trip text), never
 * `Math.round(x * 100)`: 0.29 * 100 is 28.999999999999996 in binary floating point.
 *
 * Rounding rule: amounts with more decimals than the currency has are rounded half AWAY from
 * zero (1.005 SAR -> 101, -1.005 SAR -> -101), the commercial rule, so refunds mirror sales.
 *
 * Accepts numbers and strings; strings may use Arabic-Indic digits ('٤٥٦٫٠٣') and thousands
 * separators in groups of three ('1,234.50'). Throws AppError('VALIDATION_FAILED') otherwise,
 * and when the result would not be a safe integer.
 */
export function toMinorUnits(amount: number | string, currency: CurrencyCode): number {
  const decimal = decimalStringOf(amount);
  if (decimal === undefined) {
    throw new AppError('VALIDATION_FAILED', 'Amount is not a decimal number', {
      context: { currency, type: typeof amount },
    });
  }
  const scaled = new Big(decimal)
    .times(new Big(10).pow(currencyExponent(currency)))
    .round(0, Big.roundHalfUp);
  const minor = Number(scaled.toFixed(0));
  if (!Number.isSafeInteger(minor)) {
    throw new AppError('VALIDATION_FAILED', 'Amount is too large to represent exactly', {
      context: { currency },
    });
  }
  // Normalises -0 so that equality and JSON output stay boring.
  return minor === 0 ? 0 : minor;
}

/** Integer minor units back to a decimal string in major units: (45603, 'SAR') -> '456.03'. */
export function minorUnitsToDecimalString(amountMinor: number, currency: CurrencyCode): string {
  assertMinor(amountMinor);
  return new Big(amountMinor)
    .div(new Big(10).pow(currencyExponent(currency)))
    .toFixed(currencyExponent(currency));
}

/**
 * Integer minor units back to major units as a number: (45603, 'SAR') -> 456.03. The result is
 * the double closest to the exact decimal, so toMinorUnits(fromMinorUnits(x)) === x.
 */
export function fromMinorUnits(amountMinor: number, currency: CurrencyCode): number {
  assertMinor(amountMinor);
  // Exact without decimal arithmetic: IEEE division is correctly rounded and 10^e is exact, so
  // the quotient is the double nearest the true decimal, i.e. the same double Number('456.03') gives.
  return amountMinor / 10 ** currencyExponent(currency);
}

function assertMinor(amountMinor: number): void {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new AppError('INVALID_ARGUMENT', 'Minor units must be a safe integer', {
      context: { amountMinor },
    });
  }
}
