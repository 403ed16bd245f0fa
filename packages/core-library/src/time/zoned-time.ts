import { TZDate } from '@date-fns/tz';
import { AppError } from '../errors/app-error.js';
import { requireLocalDate } from './local-date.js';
import { assertTimeZone } from './time-zone.js';

/** The local calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function toLocalDate(instant: Date, timeZone: string): string {
  const local = zoned(instant, timeZone);
  return local.slice(0, 10);
}

/** The local wall time of an instant: 'YYYY-MM-DD HH:mm:ss'. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  return zoned(instant, timeZone);
}

/**
 * The UTC instant of local midnight starting `localDate` in `timeZone`. Where a DST change skips
 * midnight itself (a few zones do), this is the first instant that exists that day.
 */
export function localMidnightUtc(localDate: string, timeZone: string): Date {
  return localDateTimeToUtc(localDate, 0, 0, 0, timeZone);
}

/**
 * The UTC instant of a local wall time. A time skipped by a DST jump resolves forward (02:30 on a
 * spring-forward day is 03:30); a repeated one resolves to its first occurrence.
 */
export function localDateTimeToUtc(
  localDate: string,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
  millisecond = 0,
): Date {
  const { year, month, day } = requireLocalDate(localDate);
  if (!isClock(hour, 23) || !isClock(minute, 59) || !isClock(second, 59) || !isClock(millisecond, 999)) {
    throw new AppError('INVALID_ARGUMENT', 'Time of day out of range', { context: { hour, minute, second } });
  }
  assertTimeZone(timeZone);
  const date = new TZDate(year, month - 1, day, hour, minute, second, millisecond, timeZone);
  return new Date(date.getTime());
}

function isClock(value: number, max: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= max;
}

function zoned(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) {
    throw new AppError('INVALID_ARGUMENT', 'Invalid date', { context: { timeZone } });
  }
  assertTimeZone(timeZone);
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return (
    `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ` +
    `${pad(local.getHours())}:${pad(local.getMinutes())}:${pad(local.getSeconds())}`
  );
}
