import { comparisonPeriod, type Period, resolvePeriod } from '@salla-analytics/core-library';
import type { PlanPeriod } from '../plan/plan-schema.js';
import type { AssistantSession } from './session.js';

export interface ResolvedPeriods {
  period: Period;
  comparison: Period | null;
}

/** A plan's period in the store's zone and week start, and the period it is compared with. */
export function resolvePlanPeriods(
  planPeriod: PlanPeriod,
  compare: 'previous_period' | 'previous_year' | 'none',
  session: AssistantSession,
): ResolvedPeriods {
  const period = resolvePeriod({
    preset: planPeriod.preset,
    timeZone: session.timeZone,
    weekStart: session.weekStart,
    now: session.now,
    ...(planPeriod.from ? { fromDate: planPeriod.from } : {}),
    ...(planPeriod.to ? { toDate: planPeriod.to } : {}),
  });
  return { period, comparison: compare === 'none' ? null : comparisonPeriod(period, compare) };
}
