import type { Money } from '@salla-analytics/core-library';

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** 1234.5 → '1,234.5' (en) / '١٬٢٣٤٫٥' (ar-SA). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, { maximumFractionDigits: 2, ...options }).format(value);
}

/** 1234567 → '1.2M' (en) / '١٫٢ مليون' (ar-SA): for chart axes and tight KPI cards. */
export function formatCompactNumber(value: number, locale: string): string {
  return numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

export interface FormatPercentOptions {
  /** Show '+' on positive values (for changes). Default false. */
  signed?: boolean;
  maximumFractionDigits?: number;
}

/** A ratio as a percentage: 0.1234 → '12.3%' (en) / '١٢٫٣٪؜' (ar-SA). */
export function formatPercent(ratio: number, locale: string, options: FormatPercentOptions = {}): string {
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: options.maximumFractionDigits ?? 1,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  }).format(ratio);
}

/** Digits after the decimal point for a currency (SAR 2, KWD 3, JPY 0), from ICU. */
export function currencyFractionDigits(currency: string): number {
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Exact decimal string for integer minor units: 123456 SAR → '1234.56', -5 KWD → '-0.005'. */
export function minorToDecimalString(amountMinor: number, currency: string): string {
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError('amountMinor must be a safe integer');
  const digits = currencyFractionDigits(currency);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

export interface FormatMoneyOptions {
  /** 'compact' gives '1.2M SAR'-style text for axes and small cards. Default 'standard'. */
  notation?: 'standard' | 'compact';
  /** 'code' → 'SAR 12.00'; 'symbol' (default) → the locale's symbol ('ر.س.' in ar-SA). */
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
  /** Drop the fraction when it is zero (e.g. '1,200 SAR' on axes). Default false. */
  trimZeroFraction?: boolean;
}

/**
 * Money (integer minor units + currency, as stored everywhere) for display in any locale. The
 * decimal string is formatted exactly, so large amounts never pick up float noise.
 */
export function formatMoney(money: Money, locale: string, options: FormatMoneyOptions = {}): string {
  const currency = money.currency.toUpperCase();
  const digits = currencyFractionDigits(currency);
  const compact = options.notation === 'compact';
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: options.currencyDisplay ?? 'symbol',
    ...(compact
      ? { notation: 'compact', maximumFractionDigits: 1 }
      : {
          minimumFractionDigits: options.trimZeroFraction && money.amountMinor % 10 ** digits === 0 ? 0 : digits,
          maximumFractionDigits: digits,
        }),
  });
  // ES2023 Intl accepts decimal strings; a number would round-trip through a double.
  return format.format(minorToDecimalString(money.amountMinor, currency) as `${number}`);
}

/**
 * Relative change from previous to current as a ratio (0.25 = +25 %), or null when there is no
 * meaningful comparison (no previous value, or previous is 0).
 */
export function percentChange(current: number, previous: number | null | undefined): number | null {
  if (previous === null || previous === undefined || previous === 0 || !Number.isFinite(previous)) return null;
  if (!Number.isFinite(current)) return null;
  return (current - previous) / Math.abs(previous);
}
