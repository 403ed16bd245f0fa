import { describe, expect, it } from 'vitest';
import { addLocalDays, addLocalMonths, diffLocalDays, isValidLocalDate } from './local-date.js';
import { isValidTimeZone } from './time-zone.js';
import { startOfLocalWeek, type WeekStart } from './week.js';
import { localDateTimeToUtc, localMidnightUtc, toLocalDate, toLocalDateTime } from './zoned-time.js';

describe('time zones', () => {
  it('accepts IANA names and rejects the rest', () => {
    expect(isValidTimeZone('Asia/Riyadh')).toBe(true);
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('+03:00')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('toLocalDate / localMidnightUtc in Riyadh (UTC+3, no DST)', () => {
  it('moves the date at 21:00 UTC', () => {
    expect(toLocalDate(new Date('2025-03-13T20:59:59Z'), 'Asia/Riyadh')).toBe('2025-03-13');
    expect(toLocalDate(new Date('2025-03-13T21:00:00Z'), 'Asia/Riyadh')).toBe('2025-03-14');
    expect(localMidnightUtc('2025-03-14', 'Asia/Riyadh').toISOString()).toBe('2025-03-13T21:00:00.000Z');
    expect(toLocalDateTime(new Date('2025-03-14T18:47:09Z'), 'Asia/Riyadh')).toBe('2025-03-14 21:47:09');
  });

  it('handles the year boundary and leap days', () => {
    expect(localMidnightUtc('2025-01-01', 'Asia/Riyadh').toISOString()).toBe('2024-12-31T21:00:00.000Z');
    expect(toLocalDate(new Date('2024-02-28T21:00:00Z'), 'Asia/Riyadh')).toBe('2024-02-29');
  });

  it('rejects unknown zones and impossible dates', () => {
    expect(() => localMidnightUtc('2025-02-29', 'Asia/Riyadh')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => toLocalDate(new Date(), 'Nowhere/Land')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
  });
});

describe('DST zone (Europe/Berlin)', () => {
  it('spring-forward day is 23 hours, fall-back day 25', () => {
    const spring = localMidnightUtc('2025-03-30', 'Europe/Berlin');
    const springNext = localMidnightUtc('2025-03-31', 'Europe/Berlin');
    expect(spring.toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(springNext.getTime() - spring.getTime()).toBe(23 * 3_600_000);
    const autumn = localMidnightUtc('2025-10-26', 'Europe/Berlin');
    const autumnNext = localMidnightUtc('2025-10-27', 'Europe/Berlin');
    expect(autumn.toISOString()).toBe('2025-10-25T22:00:00.000Z');
    expect(autumnNext.getTime() - autumn.getTime()).toBe(25 * 3_600_000);
  });

  it('reads local dates on both sides of the changes', () => {
    expect(toLocalDate(new Date('2025-03-30T21:59:59Z'), 'Europe/Berlin')).toBe('2025-03-30');
    expect(toLocalDate(new Date('2025-03-30T22:00:00Z'), 'Europe/Berlin')).toBe('2025-03-31');
    expect(toLocalDateTime(new Date('2025-10-26T00:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30:00');
    expect(toLocalDateTime(new Date('2025-10-26T01:30:00Z'), 'Europe/Berlin')).toBe('2025-10-26 02:30:00');
  });

  it('resolves a skipped wall time forward', () => {
    expect(localDateTimeToUtc('2025-03-30', 2, 30, 0, 'Europe/Berlin').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    expect(localDateTimeToUtc('2025-03-30', 3, 30, 0, 'Europe/Berlin').toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days and months with clamping, across leap years', () => {
    expect(addLocalDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addLocalDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addLocalDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addLocalMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addLocalMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addLocalMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addLocalMonths('2025-01-15', -3)).toBe('2024-10-15');
    expect(diffLocalDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2100-02-29')).toBe(false);
    expect(isValidLocalDate('2025-13-01')).toBe(false);
  });
});

describe('startOfLocalWeek', () => {
  // 2025-03-14 is a Friday, 2025-03-15 a Saturday, 2025-03-16 a Sunday, 2025-03-17 a Monday.
  const cases: Array<[string, WeekStart, string]> = [
    ['2025-03-14', 'saturday', '2025-03-08'],
    ['2025-03-14', 'sunday', '2025-03-09'],
    ['2025-03-14', 'monday', '2025-03-10'],
    ['2025-03-15', 'saturday', '2025-03-15'],
    ['2025-03-15', 'sunday', '2025-03-09'],
    ['2025-03-15', 'monday', '2025-03-10'],
    ['2025-03-16', 'saturday', '2025-03-15'],
    ['2025-03-16', 'sunday', '2025-03-16'],
    ['2025-03-16', 'monday', '2025-03-10'],
    ['2025-03-17', 'monday', '2025-03-17'],
    ['2025-01-02', 'saturday', '2024-12-28'],
  ];
  it.each(cases)('%s with %s weeks -> %s', (date, weekStart, expected) => {
    expect(startOfLocalWeek(date, weekStart)).toBe(expected);
  });
});
