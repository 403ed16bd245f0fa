import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { defaultGranularity, enumerateBuckets } from './granularity.js';
import type { PeriodPreset } from './period.js';
import { localDateRangeToPeriod, periodDayCount, resolvePeriod } from './resolve-period.js';

// Friday 2025-03-14, 23:00 in Riyadh.
const now = new Date('2025-03-14T20:00:00Z');

function dates(
  preset: PeriodPreset,
  at: Date = now,
  extra: Partial<Parameters<typeof resolvePeriod>[0]> = {},
) {
  const period = resolvePeriod({ preset, now: at, ...extra });
  return [period.fromDate, period.toDate];
}

describe('resolvePeriod in Riyadh', () => {
  it('resolves every preset relative to the local today', () => {
    expect(dates('today')).toEqual(['2025-03-14', '2025-03-14']);
    expect(dates('yesterday')).toEqual(['2025-03-13', '2025-03-13']);
    expect(dates('last_7_days')).toEqual(['2025-03-08', '2025-03-14']);
    expect(dates('last_30_days')).toEqual(['2025-02-13', '2025-03-14']);
    expect(dates('this_week')).toEqual(['2025-03-09', '2025-03-14']);
    expect(dates('last_week')).toEqual(['2025-03-02', '2025-03-08']);
    expect(dates('this_month')).toEqual(['2025-03-01', '2025-03-14']);
    expect(dates('last_month')).toEqual(['2025-02-01', '2025-02-28']);
    expect(dates('this_quarter')).toEqual(['2025-01-01', '2025-03-14']);
    expect(dates('last_quarter')).toEqual(['2024-10-01', '2024-12-31']);
    expect(dates('this_year')).toEqual(['2025-01-01', '2025-03-14']);
    expect(dates('last_year')).toEqual(['2024-01-01', '2024-12-31']);
  });

  it('uses local midnights as instants, `to` exclusive', () => {
    const today = resolvePeriod({ preset: 'today', now });
    expect(today.from.toISOString()).toBe('2025-03-13T21:00:00.000Z');
    expect(today.to.toISOString()).toBe('2025-03-14T21:00:00.000Z');
    expect(today.timeZone).toBe('Asia/Riyadh');
    expect(today.preset).toBe('today');
    const thisMonth = resolvePeriod({ preset: 'this_month', now });
    expect(thisMonth.to.toISOString()).toBe('2025-03-14T21:00:00.000Z');
    expect(periodDayCount(resolvePeriod({ preset: 'last_7_days', now }))).toBe(7);
  });

  it('rolls over at local, not UTC, midnight', () => {
    const afterMidnight = new Date('2025-03-14T21:30:00Z');
    expect(dates('today', afterMidnight)).toEqual(['2025-03-15', '2025-03-15']);
    expect(dates('today', afterMidnight, { timeZone: 'UTC' })).toEqual(['2025-03-14', '2025-03-14']);
  });

  it('honours each week start', () => {
    expect(dates('this_week', now, { weekStart: 'saturday' })).toEqual(['2025-03-08', '2025-03-14']);
    expect(dates('this_week', now, { weekStart: 'sunday' })).toEqual(['2025-03-09', '2025-03-14']);
    expect(dates('this_week', now, { weekStart: 'monday' })).toEqual(['2025-03-10', '2025-03-14']);
    expect(dates('last_week', now, { weekStart: 'saturday' })).toEqual(['2025-03-01', '2025-03-07']);
    expect(dates('last_week', now, { weekStart: 'monday' })).toEqual(['2025-03-03', '2025-03-09']);
  });

  it('crosses quarter and year boundaries', () => {
    const newYear = new Date('2024-12-31T21:10:00Z'); // 2025-01-01 00:10 Riyadh
    expect(dates('today', newYear)).toEqual(['2025-01-01', '2025-01-01']);
    expect(dates('yesterday', newYear)).toEqual(['2024-12-31', '2024-12-31']);
    expect(dates('this_quarter', newYear)).toEqual(['2025-01-01', '2025-01-01']);
    expect(dates('last_quarter', newYear)).toEqual(['2024-10-01', '2024-12-31']);
    expect(dates('last_year', newYear)).toEqual(['2024-01-01', '2024-12-31']);
    const q3 = new Date('2025-07-01T09:00:00Z');
    expect(dates('last_quarter', q3)).toEqual(['2025-04-01', '2025-06-30']);
  });

  it('knows leap years', () => {
    const march2024 = new Date('2024-03-15T09:00:00Z');
    expect(dates('last_month', march2024)).toEqual(['2024-02-01', '2024-02-29']);
    expect(dates('last_30_days', march2024)).toEqual(['2024-02-15', '2024-03-15']);
    expect(
      periodDayCount(resolvePeriod({ preset: 'last_year', now: new Date('2025-06-01T00:00:00Z') })),
    ).toBe(366);
  });
});

describe('resolvePeriod in a DST zone', () => {
  it('keeps whole local days across the change', () => {
    const period = resolvePeriod({
      preset: 'last_7_days',
      timeZone: 'Europe/Berlin',
      now: new Date('2025-04-02T10:00:00Z'),
    });
    expect([period.fromDate, period.toDate]).toEqual(['2025-03-27', '2025-04-02']);
    expect(period.from.toISOString()).toBe('2025-03-26T23:00:00.000Z');
    expect(period.to.toISOString()).toBe('2025-04-02T22:00:00.000Z');
    expect(period.to.getTime() - period.from.getTime()).toBe((7 * 24 - 1) * 3_600_000);
  });
});

describe('custom periods', () => {
  it('builds from inclusive local dates', () => {
    const period = resolvePeriod({ preset: 'custom', fromDate: '2025-03-01', toDate: '2025-03-31' });
    expect(period.from.toISOString()).toBe('2025-02-28T21:00:00.000Z');
    expect(period.to.toISOString()).toBe('2025-03-31T21:00:00.000Z');
    expect(period.preset).toBe('custom');
    expect(localDateRangeToPeriod('2025-03-05', '2025-03-05', 'Europe/Berlin').to.toISOString()).toBe(
      '2025-03-05T23:00:00.000Z',
    );
  });

  it('rejects bad input with INVALID_ARGUMENT', () => {
    const bad = [
      () => resolvePeriod({ preset: 'custom', fromDate: '2025-03-01' }),
      () => resolvePeriod({ preset: 'custom', fromDate: '2025-03-10', toDate: '2025-03-01' }),
      () => resolvePeriod({ preset: 'custom', fromDate: '2025-02-30', toDate: '2025-03-01' }),
      () => resolvePeriod({ preset: 'today', timeZone: 'Asia/Nowhere' }),
      () => resolvePeriod({ preset: 'next_week' as PeriodPreset }),
    ];
    for (const run of bad) {
      expect(run).toThrow(AppError);
      expect(run).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

describe('buckets', () => {
  it('enumerates day, week and month buckets touching the period', () => {
    const period = { fromDate: '2025-02-26', toDate: '2025-03-04' };
    expect(enumerateBuckets(period, 'day', 'sunday')).toHaveLength(7);
    expect(enumerateBuckets(period, 'week', 'sunday')).toEqual(['2025-02-23', '2025-03-02']);
    expect(enumerateBuckets(period, 'week', 'saturday')).toEqual(['2025-02-22', '2025-03-01']);
    expect(enumerateBuckets(period, 'month', 'sunday')).toEqual(['2025-02-01', '2025-03-01']);
    expect(defaultGranularity(period)).toBe('day');
    expect(defaultGranularity({ fromDate: '2024-01-01', toDate: '2024-12-31' })).toBe('week');
    expect(defaultGranularity({ fromDate: '2023-01-01', toDate: '2024-12-31' })).toBe('month');
  });
});
