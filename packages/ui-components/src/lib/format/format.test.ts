import { describe, expect, it } from 'vitest';
import { formatLocalDate, formatLocalDateRange, isLocalDate } from './date';
import { directionOf, localeFor } from './locale';
import {
  currencyFractionDigits,
  formatCompactNumber,
  formatMoney,
  formatNumber,
  formatPercent,
  minorToDecimalString,
  percentChange,
} from './number';

// Strip bidi marks (U+200E/F, U+061C) and normalise spaces so assertions read plainly.
const plain = (text: string) => text.replace(/[\u200e\u200f\u061c]/g, '').replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('localeFor / directionOf', () => {
  it('maps languages to Saudi locales and lets Arabic opt into Latin digits', () => {
    expect(localeFor('ar')).toBe('ar-SA');
    expect(localeFor('ar', { arabicIndicDigits: false })).toBe('ar-SA-u-nu-latn');
    expect(localeFor('en')).toBe('en-SA');
  });

  it('knows which locales are right-to-left', () => {
    expect(directionOf('ar-SA')).toBe('rtl');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('en-SA')).toBe('ltr');
    expect(directionOf('fr')).toBe('ltr');
  });
});

describe('formatNumber', () => {
  it('uses Arabic-Indic digits for ar-SA and Latin digits for the latn variant', () => {
    expect(formatNumber(1234.5, 'ar-SA')).toBe('١٬٢٣٤٫٥');
    expect(formatNumber(1234.5, 'ar-SA-u-nu-latn')).toBe('1,234.5');
    expect(formatNumber(1234.5, 'en-SA')).toBe('1,234.5');
  });

  it('compacts large numbers for axes', () => {
    expect(formatCompactNumber(1_250_000, 'en-SA')).toBe('1.3M');
    expect(plain(formatCompactNumber(1_250_000, 'ar-SA'))).toContain('١٫٣');
  });
});

describe('formatPercent', () => {
  it('formats ratios, signed when asked', () => {
    expect(formatPercent(0.1234, 'en-SA')).toBe('12.3%');
    expect(formatPercent(0.1234, 'en-SA', { signed: true })).toBe('+12.3%');
    expect(formatPercent(-0.05, 'en-SA', { signed: true })).toBe('-5%');
    expect(formatPercent(0, 'en-SA', { signed: true })).toBe('0%');
    expect(plain(formatPercent(0.25, 'ar-SA'))).toBe('٢٥٪');
  });
});

describe('money', () => {
  it('knows currency minor units', () => {
    expect(currencyFractionDigits('SAR')).toBe(2);
    expect(currencyFractionDigits('KWD')).toBe(3);
    expect(currencyFractionDigits('JPY')).toBe(0);
  });

  it('converts minor units to exact decimal strings', () => {
    expect(minorToDecimalString(123456, 'SAR')).toBe('1234.56');
    expect(minorToDecimalString(5, 'SAR')).toBe('0.05');
    expect(minorToDecimalString(-5, 'KWD')).toBe('-0.005');
    expect(minorToDecimalString(900, 'JPY')).toBe('900');
    expect(minorToDecimalString(Number.MAX_SAFE_INTEGER, 'SAR')).toBe('90071992547409.91');
    expect(() => minorToDecimalString(1.5, 'SAR')).toThrow(RangeError);
  });

  it('formats SAR in English and Arabic', () => {
    expect(plain(formatMoney({ amountMinor: 123456, currency: 'SAR' }, 'en-SA'))).toBe('SAR 1,234.56');
    expect(plain(formatMoney({ amountMinor: 123456, currency: 'sar' }, 'ar-SA'))).toBe('١٬٢٣٤٫٥٦ ر.س.');
    expect(plain(formatMoney({ amountMinor: 123456, currency: 'SAR' }, 'ar-SA-u-nu-latn'))).toBe('1,234.56 ر.س.');
  });

  it('keeps exact digits for amounts beyond double precision of halalas', () => {
    expect(plain(formatMoney({ amountMinor: 9_007_199_254_740_991, currency: 'SAR' }, 'en-SA'))).toBe(
      'SAR 90,071,992,547,409.91',
    );
  });

  it('trims a zero fraction and compacts on request', () => {
    expect(plain(formatMoney({ amountMinor: 120000, currency: 'SAR' }, 'en-SA', { trimZeroFraction: true }))).toBe(
      'SAR 1,200',
    );
    expect(plain(formatMoney({ amountMinor: 120050, currency: 'SAR' }, 'en-SA', { trimZeroFraction: true }))).toBe(
      'SAR 1,200.50',
    );
    expect(plain(formatMoney({ amountMinor: 250_000_000, currency: 'SAR' }, 'en-SA', { notation: 'compact' }))).toBe(
      'SAR 2.5M',
    );
    expect(plain(formatMoney({ amountMinor: 1_500, currency: 'KWD' }, 'en', { currencyDisplay: 'code' }))).toBe(
      'KWD 1.500',
    );
  });
});

describe('percentChange', () => {
  it('is the relative change, null without a usable previous value', () => {
    expect(percentChange(120, 100)).toBeCloseTo(0.2);
    expect(percentChange(80, 100)).toBeCloseTo(-0.2);
    expect(percentChange(-50, -100)).toBeCloseTo(0.5);
    expect(percentChange(100, 0)).toBeNull();
    expect(percentChange(100, null)).toBeNull();
    expect(percentChange(100, undefined)).toBeNull();
  });
});

describe('local dates', () => {
  it('formats a calendar day without shifting it by time zone', () => {
    expect(formatLocalDate('2025-03-01', 'en-US', { day: 'numeric', month: 'long', year: 'numeric' })).toBe(
      'March 1, 2025',
    );
    expect(plain(formatLocalDate('2025-03-01', 'ar-SA', { day: 'numeric', month: 'numeric' }))).toBe('١/٣');
    // Hijri only when asked for: 1 March 2025 is 1 Ramadan 1446.
    expect(plain(formatLocalDate('2025-03-01', 'en-u-ca-islamic-umalqura', { day: 'numeric', month: 'numeric' }))).toBe(
      '9/1',
    );
    expect(formatLocalDate('not-a-date', 'en-SA')).toBe('not-a-date');
  });

  it('formats ranges and validates dates', () => {
    expect(plain(formatLocalDateRange('2025-03-01', '2025-03-31', 'en-US'))).toBe('Mar 1 – 31, 2025');
    expect(isLocalDate('2025-02-28')).toBe(true);
    expect(isLocalDate('2025-02-30')).toBe(false);
    expect(isLocalDate('2025-2-3')).toBe(false);
  });
});
