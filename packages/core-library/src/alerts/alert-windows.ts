import { addLocalDays } from '../time/local-date.js';
import { localDateTimeToUtc, localMidnightUtc, toLocalDateTime } from '../time/zoned-time.js';
import type { AlertRuleKind } from './alert-rule.js';

export interface TimeWindow {
  /** Inclusive UTC instant. */
  from: Date;
  /** Exclusive UTC instant. */
  to: Date;
}

export interface AlertWindows {
  current: TimeWindow;
  /** Empty for `no_orders`. */
  baseline: TimeWindow[];
}

const HOUR = 3_600_000;

/**
 * The windows a rule compares at instant `at` in the store's zone. Same-weekday baselines are
 * shifted by whole local weeks (7 local days, so DST changes keep the local clock time).
 */
export function alertWindows(rule: { type: AlertRuleKind; threshold: number; baselineWeeks: number }, at: Date, timeZone: string): AlertWindows {
  const local = toLocalDateTime(at, timeZone);
  const date = local.slice(0, 10);
  const [hour, minute, second] = local.slice(11).split(':').map(Number) as [number, number, number];
  const weeksBack = Array.from({ length: rule.baselineWeeks }, (_, index) => addLocalDays(date, -7 * (index + 1)));
  switch (rule.type) {
    case 'no_orders':
      return { current: { from: new Date(at.getTime() - rule.threshold * HOUR), to: at }, baseline: [] };
    case 'revenue_drop':
      return {
        current: { from: localMidnightUtc(date, timeZone), to: at },
        baseline: weeksBack.map((day) => ({ from: localMidnightUtc(day, timeZone), to: localDateTimeToUtc(day, hour, minute, second, timeZone) })),
      };
    case 'orders_spike':
    case 'revenue_spike':
      return {
        current: { from: new Date(at.getTime() - HOUR), to: at },
        baseline: weeksBack.map((day) => {
          const to = localDateTimeToUtc(day, hour, minute, second, timeZone);
          return { from: new Date(to.getTime() - HOUR), to };
        }),
      };
  }
}

export interface WindowSales {
  orders: number;
  /** Net sales in minor units (canceled and refunded orders excluded). */
  netSalesMinor: number;
}

export interface AlertEvaluation {
  fires: boolean;
  /** What was compared: orders (count) or net sales (minor units). */
  unit: 'orders' | 'minor_units';
  value: number;
  /** The baseline average (null for no_orders). */
  baseline: number | null;
  /** (value − baseline) / baseline; null without a baseline or when it is 0. */
  change: number | null;
}

/** Decides whether a rule fires, from the sales in its windows. A zero baseline never fires a drop or a spike. */
export function evaluateAlert(rule: { type: AlertRuleKind; threshold: number }, current: WindowSales, baseline: WindowSales[]): AlertEvaluation {
  if (rule.type === 'no_orders') return { fires: current.orders === 0, unit: 'orders', value: current.orders, baseline: null, change: null };
  const unit = rule.type === 'orders_spike' ? 'orders' : 'minor_units';
  const pick = (sales: WindowSales) => (unit === 'orders' ? sales.orders : sales.netSalesMinor);
  const value = pick(current);
  const average = baseline.length === 0 ? 0 : baseline.reduce((sum, sales) => sum + pick(sales), 0) / baseline.length;
  const change = average > 0 ? (value - average) / average : null;
  const fires =
    average > 0 &&
    (rule.type === 'revenue_drop' ? value <= average * (1 - rule.threshold / 100) : value >= (average * rule.threshold) / 100);
  return { fires, unit, value, baseline: Math.round(average), change };
}
