import { z } from 'zod';

/** ISO 4217 code, upper case. The listed ones autocomplete; any other three-letter code is allowed. */
export type CurrencyCode =
  | 'SAR'
  | 'AED'
  | 'QAR'
  | 'KWD'
  | 'BHD'
  | 'OMR'
  | 'JOD'
  | 'EGP'
  | 'USD'
  | 'EUR'
  | (string & {});

export const DEFAULT_CURRENCY: CurrencyCode = 'SAR';

export const currencyCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'expected a three-letter ISO 4217 currency code');

const THREE_DECIMALS: ReadonlySet<string> = new Set(['KWD', 'BHD', 'OMR', 'JOD', 'IQD', 'LYD', 'TND']);
const NO_DECIMALS: ReadonlySet<string> = new Set(['JPY', 'KRW', 'CLP', 'ISK', 'VND', 'UGX', 'XAF', 'XOF']);

/**
 * Digits after the decimal point of a currency's minor unit (halalas for SAR: 2).
 * Unknown codes get 2, the overwhelmingly common case, rather than an error: a new currency
 * should not stop ingestion.
 */
export function currencyExponent(code: CurrencyCode): number {
  const upper = code.toUpperCase();
  if (THREE_DECIMALS.has(upper)) return 3;
  if (NO_DECIMALS.has(upper)) return 0;
  return 2;
}
