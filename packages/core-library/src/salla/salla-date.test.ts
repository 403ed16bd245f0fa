import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { parseSallaDateString, sallaDateSchema } from './salla-date.js';

const iso = (input: unknown) => {
  const parsed = sallaDateSchema.safeParse(input);
  return parsed.success ? parsed.data.toISOString() : 'invalid';
};

describe('sallaDateSchema', () => {
  it('reads plain wall times as Riyadh time', () => {
    expect(iso('2022-12-31 12:31:25')).toBe('2022-12-31T09:31:25.000Z');
    expect(iso('2025-03-14 21:47:09.000000')).toBe('2025-03-14T18:47:09.000Z');
    expect(iso('2025-03-14 21:47:09.123456')).toBe('2025-03-14T18:47:09.123Z');
    expect(iso('2025-03-14')).toBe('2025-03-13T21:00:00.000Z');
  });

  it('reads JavaScript Date#toString output', () => {
    expect(iso('Sun Jun 26 2022 13:29:51 GMT+0300')).toBe('2022-06-26T10:29:51.000Z');
    expect(iso('Sun Jun 26 2022 13:29:51 GMT+0300 (Arabian Standard Time)')).toBe('2022-06-26T10:29:51.000Z');
    expect(iso('Sun Jun 26 2022 13:29:51 GMT-0130')).toBe('2022-06-26T14:59:51.000Z');
  });

  it('reads PHP DateTime objects with each timezone type', () => {
    expect(iso({ date: '2025-03-14 21:47:09.000000', timezone_type: 3, timezone: 'Asia/Riyadh' })).toBe(
      '2025-03-14T18:47:09.000Z',
    );
    expect(iso({ date: '2025-07-01 12:00:00.000000', timezone_type: 3, timezone: 'Europe/Berlin' })).toBe(
      '2025-07-01T10:00:00.000Z',
    );
    expect(iso({ date: '2025-03-14 21:47:09.000000', timezone_type: 1, timezone: '+03:00' })).toBe(
      '2025-03-14T18:47:09.000Z',
    );
    expect(iso({ date: '2025-03-14 21:47:09.000000', timezone_type: 2, timezone: 'UTC' })).toBe(
      '2025-03-14T21:47:09.000Z',
    );
    expect(iso({ date: '2025-03-14 21:47:09.000000' })).toBe('2025-03-14T18:47:09.000Z');
    expect(iso({ date: '2025-03-14 21:47:09', timezone: null })).toBe('2025-03-14T18:47:09.000Z');
  });

  it('reads ISO 8601 with and without offsets', () => {
    expect(iso('2025-03-14T18:47:09Z')).toBe('2025-03-14T18:47:09.000Z');
    expect(iso('2025-03-14T18:47:09.5Z')).toBe('2025-03-14T18:47:09.500Z');
    expect(iso('2025-03-14T21:47:09+03:00')).toBe('2025-03-14T18:47:09.000Z');
    expect(iso('2025-03-14T21:47:09+0300')).toBe('2025-03-14T18:47:09.000Z');
    expect(iso('2025-03-14T21:47:09')).toBe('2025-03-14T18:47:09.000Z');
    expect(iso(new Date('2025-03-14T18:47:09Z'))).toBe('2025-03-14T18:47:09.000Z');
  });

  it('rejects what is not a date', () => {
    for (const bad of ['', 'yesterday', '2025-02-30 10:00:00', '2025-03-14 25:00:00', 1710000000, null]) {
      expect(iso(bad)).toBe('invalid');
    }
    expect(iso({ date: '2025-03-14 21:47:09', timezone: 'AST' })).toBe('invalid');
    expect(iso({ date: 'soon', timezone: 'Asia/Riyadh' })).toBe('invalid');
  });

  it('gives the same instants as TZDate for every minute around DST changes (cached day offsets)', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Riyadh'];
    const days = ['2025-03-08', '2025-03-09', '2025-03-30', '2025-04-06', '2025-10-05', '2025-10-26', '2025-11-02', '2025-11-03'];
    for (const zone of zones) {
      for (const day of days) {
        const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
        for (let minute = 0; minute < 24 * 60; minute += 7) {
          const h = Math.floor(minute / 60);
          const mi = minute % 60;
          const text = `${day} ${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:31`;
          // Twice: the first call fills the cache, the second reads it.
          for (let round = 0; round < 2; round++) {
            expect(parseSallaDateString(text, zone)?.getTime(), `${zone} ${text}`).toBe(new TZDate(y, mo - 1, d, h, mi, 31, 0, zone).getTime());
          }
        }
      }
    }
  });
});
