import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { appErrorFromZod } from '../errors/from-zod-error.js';
import {
  addLocalDays,
  addLocalMonths,
  diffLocalDays,
  type LocalDate,
  localDateSchema,
  startOfLocalMonth,
  startOfLocalQuarter,
  startOfLocalYear,
} from './local-date.js';
import { type Period, type PeriodPreset, periodPresetSchema } from './period.js';
import { DEFAULT_TIME_ZONE, timeZoneSchema } from './time-zone.js';
import { DEFAULT_WEEK_START, startOfLocalWeek, WEEK_STARTS, type WeekStart } from './week.js';
import { localMidnightUtc, toLocalDate } from './zoned-time.js';

export interface ResolvePeriodInput {
  preset: PeriodPreset;
  /** IANA zone of the merchant. Default Asia/Riyadh. */
  timeZone?: string;
  /** Default 'sunday'. Only this_week / last_week use it. */
  weekStart?: WeekStart;
  /** The clock, injectable for tests. Default: the current instant. */
  now?: Date;
  /** Required for 'custom', inclusive 'YYYY-MM-DD'. */
  fromDate?: string;
  /** Required for 'custom', inclusive 'YYYY-MM-DD'. */
  toDate?: string;
}

export const resolvePeriodInputSchema = z.object({
  preset: periodPresetSchema,
  timeZone: timeZoneSchema.optional(),
  weekStart: z.enum(WEEK_STARTS).optional(),
  now: z.date().optional(),
  fromDate: localDateSchema.optional(),
  toDate: localDateSchema.optional(),
});

/**
 * Resolves a preset into whole local days in the merchant's zone. "Today" is the local date of
 * `now`. Semantics (all ranges inclusive of both named days):
 *
 * - today / yesterday: that one day.
 * - last_7_days / last_30_days: the 7 / 30 days ENDING TODAY (today included, partial).
 * - this_week / this_month / this_quarter / this_year: period-to-date, from the first day of the
 *   unit through today; `to` is tomorrow's local midnight, never the end of the unit, so
 *   day counts and averages are not diluted by days that have not happened.
 * - last_week / last_month / last_quarter / last_year: the previous complete unit.
 * - custom: fromDate..toDate as given (see localDateRangeToPeriod).
 *
 * Throws AppError('INVALID_ARGUMENT') for an unknown zone, bad dates or a custom range without
 * dates or with fromDate after toDate.
 */
export function resolvePeriod(input: ResolvePeriodInput): Period {
  const parsed = resolvePeriodInputSchema.safeParse(input);
  if (!parsed.success) {
    const error = appErrorFromZod(parsed.error, 'Invalid period');
    throw new AppError('INVALID_ARGUMENT', error.message, { context: error.context });
  }
  const { preset, fromDate, toDate } = parsed.data;
  const timeZone = parsed.data.timeZone ?? DEFAULT_TIME_ZONE;
  const weekStart = parsed.data.weekStart ?? DEFAULT_WEEK_START;

  if (preset === 'custom') {
    if (fromDate === undefined || toDate === undefined) {
      throw new AppError('INVALID_ARGUMENT', 'A custom period needs fromDate and toDate');
    }
    return localDateRangeToPeriod(fromDate, toDate, timeZone);
  }

  const today = toLocalDate(parsed.data.now ?? new Date(), timeZone);
  const [first, last] = presetRange(preset, today, weekStart);
  return buildPeriod(first, last, timeZone, preset);
}

function presetRange(preset: Exclude<PeriodPreset, 'custom'>, today: LocalDate, weekStart: WeekStart) {
  switch (preset) {
    case 'today':
      return [today, today] as const;
    case 'yesterday': {
      const yesterday = addLocalDays(today, -1);
      return [yesterday, yesterday] as const;
    }
    case 'last_7_days':
      return [addLocalDays(today, -6), today] as const;
    case 'last_30_days':
      return [addLocalDays(today, -29), today] as const;
    case 'this_week':
      return [startOfLocalWeek(today, weekStart), today] as const;
    case 'last_week': {
      const start = addLocalDays(startOfLocalWeek(today, weekStart), -7);
      return [start, addLocalDays(start, 6)] as const;
    }
    case 'this_month':
      return [startOfLocalMonth(today), today] as const;
    case 'last_month':
      return previousUnit(startOfLocalMonth(today), 1);
    case 'this_quarter':
      return [startOfLocalQuarter(today), today] as const;
    case 'last_quarter':
      return previousUnit(startOfLocalQuarter(today), 3);
    case 'this_year':
      return [startOfLocalYear(today), today] as const;
    case 'last_year':
      return previousUnit(startOfLocalYear(today), 12);
  }
}

function previousUnit(startOfCurrent: LocalDate, months: number) {
  return [addLocalMonths(startOfCurrent, -months), addLocalDays(startOfCurrent, -1)] as const;
}

/**
 * A period for an explicit inclusive local date range (preset 'custom'). Throws
 * AppError('INVALID_ARGUMENT') for invalid dates, an unknown zone, or fromDate after toDate.
 */
export function localDateRangeToPeriod(fromDate: string, toDate: string, timeZone: string): Period {
  const dates = z.object({ fromDate: localDateSchema, toDate: localDateSchema, timeZone: timeZoneSchema });
  const parsed = dates.safeParse({ fromDate, toDate, timeZone });
  if (!parsed.success) {
    const error = appErrorFromZod(parsed.error, 'Invalid date range');
    throw new AppError('INVALID_ARGUMENT', error.message, { context: error.context });
  }
  if (diffLocalDays(fromDate, toDate) < 0) {
    throw new AppError('INVALID_ARGUMENT', 'fromDate must not be after toDate', {
      context: { fromDate, toDate },
    });
  }
  return buildPeriod(fromDate, toDate, timeZone, 'custom');
}

export function buildPeriod(
  fromDate: LocalDate,
  toDate: LocalDate,
  timeZone: string,
  preset: PeriodPreset,
): Period {
  return {
    from: localMidnightUtc(fromDate, timeZone),
    to: localMidnightUtc(addLocalDays(toDate, 1), timeZone),
    fromDate,
    toDate,
    timeZone,
    preset,
  };
}

/** Number of local days in a period (both ends inclusive). */
export function periodDayCount(period: Pick<Period, 'fromDate' | 'toDate'>): number {
  return diffLocalDays(period.fromDate, period.toDate) + 1;
}
