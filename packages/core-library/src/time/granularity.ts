import {
  addLocalDays,
  addLocalMonths,
  diffLocalDays,
  type LocalDate,
  startOfLocalMonth,
} from './local-date.js';
import type { Granularity, Period } from './period.js';
import { periodDayCount } from './resolve-period.js';
import { startOfLocalWeek, type WeekStart } from './week.js';

/** The local date that starts the bucket containing `localDate`. */
export function bucketStartDate(
  localDate: string,
  granularity: Granularity,
  weekStart: WeekStart,
): LocalDate {
  if (granularity === 'day') return localDate;
  if (granularity === 'week') return startOfLocalWeek(localDate, weekStart);
  return startOfLocalMonth(localDate);
}

/**
 * Every bucket start that touches the period, in order, so charts can fill empty buckets with
 * zeros. The first bucket may start before fromDate (a week or month already under way).
 */
export function enumerateBuckets(
  period: Pick<Period, 'fromDate' | 'toDate'>,
  granularity: Granularity,
  weekStart: WeekStart,
): LocalDate[] {
  const buckets: LocalDate[] = [];
  let cursor = bucketStartDate(period.fromDate, granularity, weekStart);
  while (diffLocalDays(cursor, period.toDate) >= 0) {
    buckets.push(cursor);
    cursor =
      granularity === 'day'
        ? addLocalDays(cursor, 1)
        : granularity === 'week'
          ? addLocalDays(cursor, 7)
          : addLocalMonths(cursor, 1);
  }
  return buckets;
}

/** A sensible default: days up to ~3 months, weeks up to ~1 year, months beyond. */
export function defaultGranularity(period: Pick<Period, 'fromDate' | 'toDate'>): Granularity {
  const days = periodDayCount(period);
  if (days <= 92) return 'day';
  if (days <= 366) return 'week';
  return 'month';
}
