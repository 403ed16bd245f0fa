import { describe, expect, it } from 'vitest';
import { digestDueAt } from './digest-schedule.js';

const riyadh = { timeZone: 'Asia/Riyadh', weekStart: 'sunday' } as const;

describe('digestDueAt', () => {
  it('daily at 08:00 Asia/Riyadh is due at 05:00 UTC only, for yesterday vs the day before', () => {
    const due = digestDueAt({ frequency: 'daily', hour: 8 }, riyadh, new Date('2026-03-04T05:00:00Z'));
    expect(due).toMatchObject({ kind: 'daily', localDate: '2026-03-04' });
    expect([due?.period.fromDate, due?.period.toDate, due?.period.from.toISOString()]).toEqual(['2026-03-03', '2026-03-03', '2026-03-02T21:00:00.000Z']);
    expect([due?.comparison.fromDate, due?.comparison.toDate]).toEqual(['2026-03-02', '2026-03-02']);
    for (const at of ['2026-03-04T04:45:00Z', '2026-03-04T05:15:00Z', '2026-03-04T08:00:00Z']) {
      expect(digestDueAt({ frequency: 'daily', hour: 8 }, riyadh, new Date(at))).toBeNull();
    }
  });

  it('weekly is due only on the store week start, for the last full week', () => {
    // 2026-03-08 is a Sunday.
    const due = digestDueAt({ frequency: 'weekly', hour: 8 }, riyadh, new Date('2026-03-08T05:00:00Z'));
    expect([due?.period.fromDate, due?.period.toDate, due?.comparison.fromDate, due?.comparison.toDate]).toEqual(['2026-03-01', '2026-03-07', '2026-02-22', '2026-02-28']);
    expect(digestDueAt({ frequency: 'weekly', hour: 8 }, riyadh, new Date('2026-03-09T05:00:00Z'))).toBeNull();
    expect(digestDueAt({ frequency: 'weekly', hour: 8 }, { ...riyadh, weekStart: 'monday' }, new Date('2026-03-09T05:00:00Z'))?.period.fromDate).toBe('2026-03-02');
  });

  it('a half-hour zone gets exactly one tick in the local hour (Asia/Kolkata 08:00 = 02:30 UTC)', () => {
    const ticks = Array.from({ length: 96 }, (_, i) => new Date(Date.UTC(2026, 2, 4) + i * 15 * 60_000));
    const due = ticks.filter((at) => digestDueAt({ frequency: 'daily', hour: 8 }, { timeZone: 'Asia/Kolkata', weekStart: 'monday' }, at));
    expect(due.map((at) => at.toISOString())).toEqual(['2026-03-04T02:30:00.000Z']);
  });
});
