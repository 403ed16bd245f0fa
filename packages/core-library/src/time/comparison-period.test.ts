import { describe, expect, it } from 'vitest';
import { comparisonPeriod } from './comparison-period.js';
import type { PeriodPreset } from './period.js';
import { localDateRangeToPeriod, resolvePeriod } from './resolve-period.js';

function compare(
  preset: PeriodPreset,
  now: string,
  mode: 'previous_period' | 'previous_year',
  timeZone?: string,
) {
  const period = resolvePeriod({
    preset,
    now: new Date(now),
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  const result = comparisonPeriod(period, mode);
  return [result.fromDate, result.toDate];
}

function compareCustom(fromDate: string, toDate: string, mode: 'previous_period' | 'previous_year') {
  const result = comparisonPeriod(localDateRangeToPeriod(fromDate, toDate, 'Asia/Riyadh'), mode);
  return [result.fromDate, result.toDate];
}

const midMarch = '2025-03-14T09:00:00Z';

describe('comparisonPeriod previous_period', () => {
  it('takes the same number of days immediately before for rolling ranges', () => {
    expect(compare('today', midMarch, 'previous_period')).toEqual(['2025-03-13', '2025-03-13']);
    expect(compare('last_7_days', midMarch, 'previous_period')).toEqual(['2025-03-01', '2025-03-07']);
    expect(compare('last_30_days', midMarch, 'previous_period')).toEqual(['2025-01-14', '2025-02-12']);
    expect(compareCustom('2025-03-05', '2025-03-09', 'previous_period')).toEqual([
      '2025-02-28',
      '2025-03-04',
    ]);
  });

  it('aligns whole calendar months to the previous months', () => {
    expect(compare('last_month', midMarch, 'previous_period')).toEqual(['2025-01-01', '2025-01-31']);
    expect(compare('last_month', '2024-03-10T09:00:00Z', 'previous_period')).toEqual([
      '2024-01-01',
      '2024-01-31',
    ]);
    expect(compare('last_quarter', midMarch, 'previous_period')).toEqual(['2024-07-01', '2024-09-30']);
    expect(compare('last_year', midMarch, 'previous_period')).toEqual(['2023-01-01', '2023-12-31']);
    expect(compareCustom('2024-03-01', '2024-03-31', 'previous_period')).toEqual([
      '2024-02-01',
      '2024-02-29',
    ]);
  });

  it('compares to-date periods with the same stretch of the previous unit', () => {
    expect(compare('this_week', midMarch, 'previous_period')).toEqual(['2025-03-02', '2025-03-07']);
    expect(compare('this_month', midMarch, 'previous_period')).toEqual(['2025-02-01', '2025-02-14']);
    expect(compare('this_month', '2025-03-30T09:00:00Z', 'previous_period')).toEqual([
      '2025-02-01',
      '2025-02-28',
    ]);
    expect(compare('this_quarter', midMarch, 'previous_period')).toEqual(['2024-10-01', '2024-12-14']);
    expect(compare('this_year', midMarch, 'previous_period')).toEqual(['2024-01-01', '2024-03-14']);
  });

  it('keeps the zone, returns custom periods with exact instants', () => {
    const period = resolvePeriod({
      preset: 'last_month',
      timeZone: 'Europe/Berlin',
      now: new Date('2025-04-10T12:00:00Z'),
    });
    const previous = comparisonPeriod(period, 'previous_period');
    expect([previous.fromDate, previous.toDate]).toEqual(['2025-02-01', '2025-02-28']);
    expect(previous.timeZone).toBe('Europe/Berlin');
    expect(previous.preset).toBe('custom');
    expect(previous.from.toISOString()).toBe('2025-01-31T23:00:00.000Z');
    expect(previous.to.toISOString()).toBe('2025-02-28T23:00:00.000Z');
  });
});

describe('comparisonPeriod previous_year', () => {
  it('shifts the same dates one year back', () => {
    expect(compare('last_7_days', midMarch, 'previous_year')).toEqual(['2024-03-08', '2024-03-14']);
    expect(compare('this_month', midMarch, 'previous_year')).toEqual(['2024-03-01', '2024-03-14']);
    expect(compare('last_year', midMarch, 'previous_year')).toEqual(['2023-01-01', '2023-12-31']);
  });

  it('handles leap days both ways', () => {
    expect(compareCustom('2024-02-29', '2024-02-29', 'previous_year')).toEqual(['2023-02-28', '2023-02-28']);
    expect(compareCustom('2024-02-01', '2024-02-29', 'previous_year')).toEqual(['2023-02-01', '2023-02-28']);
    expect(compareCustom('2025-02-01', '2025-02-28', 'previous_year')).toEqual(['2024-02-01', '2024-02-29']);
    expect(compareCustom('2025-02-20', '2025-03-05', 'previous_year')).toEqual(['2024-02-20', '2024-03-05']);
  });
});
