import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * A local calendar date 'YYYY-MM-DD' (no time, no zone). Calendar arithmetic on these is done
 * with UTC Date fields: a calendar has no time zone, so this is not offset math and cannot be
 * skewed by DST or by the machine's zone.
 */
export type LocalDate = string;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface LocalDateParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function parseLocalDateParts(localDate: string): LocalDateParts | undefined {
  const match = LOCAL_DATE.exec(localDate);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isValidLocalDate(localDate: string): boolean {
  return parseLocalDateParts(localDate) !== undefined;
}

export const localDateSchema = z.string().refine(isValidLocalDate, 'expected a calendar date YYYY-MM-DD');

export function requireLocalDate(localDate: string, name = 'date'): LocalDateParts {
  const parts = parseLocalDateParts(localDate);
  if (parts === undefined) {
    throw new AppError('INVALID_ARGUMENT', `${name} must be a calendar date YYYY-MM-DD`, {
      context: { [name]: localDate },
    });
  }
  return parts;
}

export function formatLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function fromUtcDate(date: Date): LocalDate {
  return formatLocalDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

function toUtcDate(localDate: string): Date {
  const { year, month, day } = requireLocalDate(localDate);
  const date = new Date(Date.UTC(2000, month - 1, day));
  // setUTCFullYear keeps years 0-99 literal (Date.UTC would map them to 1900-1999).
  date.setUTCFullYear(year);
  return date;
}

export function addLocalDays(localDate: string, days: number): LocalDate {
  const date = toUtcDate(localDate);
  date.setUTCDate(date.getUTCDate() + days);
  return fromUtcDate(date);
}

/** Adds calendar months, clamping to the last day: ('2024-03-31', -1) -> '2024-02-29'. */
export function addLocalMonths(localDate: string, months: number): LocalDate {
  const { year, month, day } = requireLocalDate(localDate);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return formatLocalDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function diffLocalDays(from: string, to: string): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / 86_400_000);
}

/** 0 = Sunday ... 6 = Saturday, like Date#getDay. */
export function localDayOfWeek(localDate: string): number {
  return toUtcDate(localDate).getUTCDay();
}

export function startOfLocalMonth(localDate: string): LocalDate {
  const { year, month } = requireLocalDate(localDate);
  return formatLocalDate(year, month, 1);
}

export function endOfLocalMonth(localDate: string): LocalDate {
  const { year, month } = requireLocalDate(localDate);
  return formatLocalDate(year, month, daysInMonth(year, month));
}

export function startOfLocalQuarter(localDate: string): LocalDate {
  const { year, month } = requireLocalDate(localDate);
  return formatLocalDate(year, month - ((month - 1) % 3), 1);
}

export function startOfLocalYear(localDate: string): LocalDate {
  return formatLocalDate(requireLocalDate(localDate).year, 1, 1);
}
