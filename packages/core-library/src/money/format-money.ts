import { currencyExponent } from './currency.js';
import type { Money } from './money.js';
import { minorUnitsToDecimalString } from './to-minor-units.js';

export type MoneyLocale = 'ar' | 'en';

// Saudi regional variants: Arabic gets Arabic-Indic digits and 'ر.س.', English gets 'SAR 1,234.50'.
const INTL_LOCALE: Record<MoneyLocale, string> = { ar: 'ar-SA', en: 'en-SA' };
const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Display text for an amount, e.g. '‏٤٥٦٫٠٣ ر.س.‏' (ar) or 'SAR 456.03' (en). Formats the exact
 * decimal string, so large amounts never pick up float noise. For display only: never parse it.
 */
export function formatMoney(money: Money, locale: MoneyLocale): string {
  const currency = money.currency.toUpperCase();
  const key = `${locale}:${currency}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    const digits = currencyExponent(currency);
    formatter = new Intl.NumberFormat(INTL_LOCALE[locale], {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, formatter);
  }
  const decimal = minorUnitsToDecimalString(money.amountMinor, currency);
  // ES2023 Intl formats decimal strings exactly; a number would round-trip through a double.
  return formatter.format(decimal as `${number}`);
}
