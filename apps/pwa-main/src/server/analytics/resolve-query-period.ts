import { comparisonPeriod, type Period, resolvePeriod } from '@salla-analytics/core-library';
import type { PeriodQuery } from '../../contracts/period-query';
import type { StoreSettings } from './merchant-settings';

export interface ResolvedPeriods {
  period: Period;
  comparison: Period | null;
}

/** The query's period in the store's time zone and week start, and the period to compare with. */
export function resolveQueryPeriod(query: PeriodQuery, settings: StoreSettings, now = new Date()): ResolvedPeriods {
  const period = resolvePeriod({
    preset: query.preset,
    timeZone: settings.timeZone,
    weekStart: settings.weekStart,
    now,
    ...(query.from ? { fromDate: query.from } : {}),
    ...(query.to ? { toDate: query.to } : {}),
  });
  return { period, comparison: query.compare === 'none' ? null : comparisonPeriod(period, query.compare) };
}

/** Period labels for the response's `meta` (no instants: the client thinks in local days). */
export function periodMeta({ period, comparison }: ResolvedPeriods) {
  return {
    period: { preset: period.preset, fromDate: period.fromDate, toDate: period.toDate, timeZone: period.timeZone },
    comparison: comparison ? { fromDate: comparison.fromDate, toDate: comparison.toDate } : null,
  };
}
