import { fromMinorUnits } from '@salla-analytics/core-library';
import type { MetricUnit } from '../semantic/metric-catalog.js';
import type { AnswerLanguage } from './answer.js';

// Latin digits in both languages, like the PWA's default (Arabic-Indic digits are a display choice there).
const LOCALE: Record<AnswerLanguage, string> = { ar: 'ar-SA-u-nu-latn', en: 'en-SA' };

export function formatValue(value: number, unit: MetricUnit, currency: string, lang: AnswerLanguage): string {
  if (unit === 'minor_units') {
    return new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency }).format(fromMinorUnits(value, currency));
  }
  if (unit === 'ratio') return formatPercent(value, lang);
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(ratio: number, lang: AnswerLanguage, signed = false): string {
  return new Intl.NumberFormat(LOCALE[lang], { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(ratio);
}

export function formatRange(range: { fromDate: string; toDate: string }): string {
  return range.fromDate === range.toDate ? range.fromDate : `${range.fromDate} – ${range.toDate}`;
}

export function changeOf(value: number, previous: number | null): number | null {
  return previous ? (value - previous) / previous : null;
}
