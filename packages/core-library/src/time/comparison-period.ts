import { AppError } from '../errors/app-error.js';
import {
  addLocalDays,
  addLocalMonths,
  endOfLocalMonth,
  type LocalDate,
  parseLocalDateParts,
  requireLocalDate,
} from './local-date.js';
import type { Period } from './period.js';
import { buildPeriod, periodDayCount } from './resolve-period.js';

export type ComparisonMode = 'previous_period' | 'previous_year';

export const COMPARISON_MODES = [
  'previous_period',
  'previous_year',
] as const satisfies readonly ComparisonMode[];

// Units that to-date presets run through, in months (weeks are handled as 7 days).
const TO_DATE_MONTHS = { this_month: 1, this_quarter: 3, this_year: 12 } as const;

/**
 * The period to compare against (preset 'custom', same zone). Rules, first match wins:
 *
 * previous_period
 * 1. Whole calendar months (fromDate is a 1st, toDate a month's last day; e.g. last_month,
 *    last_quarter, last_year): the same number of whole months immediately before. Feb -> Jan
 *    (31 days), Q2 -> Q1.
 * 2. To-date presets compare with the same stretch of the previous unit: this_week shifts by 7
 *    days; this_month / this_quarter / this_year shift both ends back 1 / 3 / 12 months, clamping
 *    to month ends (Mar 1-30 -> Feb 1-28).
 * 3. Otherwise: the same number of days immediately before (last_7_days -> the 7 days before it,
 *    today -> yesterday).
 *
 * previous_year
 * - Same dates one year earlier; Feb 29 becomes Feb 28. Whole calendar months map to the same
 *   whole months (Feb 2025 -> Feb 1-29 2024).
 */
export function comparisonPeriod(period: Period, mode: ComparisonMode): Period {
  requireLocalDate(period.fromDate, 'fromDate');
  requireLocalDate(period.toDate, 'toDate');
  const [fromDate, toDate] =
    mode === 'previous_year'
      ? previousYear(period)
      : mode === 'previous_period'
        ? previousPeriod(period)
        : invalid(mode);
  return buildPeriod(fromDate, toDate, period.timeZone, 'custom');
}

function previousPeriod(period: Period): readonly [LocalDate, LocalDate] {
  const months = wholeMonthCount(period);
  if (months !== undefined) return shiftWholeMonths(period.fromDate, months, months);

  if (period.preset === 'this_week') {
    return [addLocalDays(period.fromDate, -7), addLocalDays(period.toDate, -7)];
  }
  if (period.preset === 'this_month' || period.preset === 'this_quarter' || period.preset === 'this_year') {
    const unit = TO_DATE_MONTHS[period.preset];
    return [addLocalMonths(period.fromDate, -unit), addLocalMonths(period.toDate, -unit)];
  }

  const days = periodDayCount(period);
  return [addLocalDays(period.fromDate, -days), addLocalDays(period.fromDate, -1)];
}

function previousYear(period: Period): readonly [LocalDate, LocalDate] {
  const months = wholeMonthCount(period);
  if (months !== undefined) return shiftWholeMonths(period.fromDate, months, 12);
  return [addLocalMonths(period.fromDate, -12), addLocalMonths(period.toDate, -12)];
}

/** How many whole calendar months the period spans exactly, or undefined if it does not. */
function wholeMonthCount(period: Period): number | undefined {
  const from = parseLocalDateParts(period.fromDate);
  const to = parseLocalDateParts(period.toDate);
  if (from === undefined || to === undefined) return undefined;
  if (from.day !== 1 || period.toDate !== endOfLocalMonth(period.toDate)) return undefined;
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}

function shiftWholeMonths(
  fromDate: LocalDate,
  length: number,
  back: number,
): readonly [LocalDate, LocalDate] {
  const start = addLocalMonths(fromDate, -back);
  return [start, endOfLocalMonth(addLocalMonths(start, length - 1))];
}

function invalid(mode: never): never {
  throw new AppError('INVALID_ARGUMENT', 'Unknown comparison mode', { context: { mode } });
}
