import { z } from 'zod';
import { localDateSchema } from './local-date.js';
import { timeZoneSchema } from './time-zone.js';

export const PERIOD_PRESETS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'custom',
] as const;

export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const periodPresetSchema = z.enum(PERIOD_PRESETS);

/**
 * A run of whole local days in one time zone. Query with `from <= t < to` on UTC instants; label
 * with fromDate..toDate (both inclusive). `to` is the local midnight AFTER the last day, so on a
 * DST day the span is 23 or 25 hours and still covers the day exactly.
 */
export interface Period {
  /** Inclusive UTC instant: local midnight starting fromDate. */
  from: Date;
  /** Exclusive UTC instant: local midnight after toDate. */
  to: Date;
  /** 'YYYY-MM-DD' local, inclusive. */
  fromDate: string;
  /** 'YYYY-MM-DD' local, inclusive. */
  toDate: string;
  timeZone: string;
  preset: PeriodPreset;
}

/** How a series is bucketed for charts. Buckets are local days, weeks (by WeekStart) or months. */
export type Granularity = 'day' | 'week' | 'month';

export const GRANULARITIES = ['day', 'week', 'month'] as const satisfies readonly Granularity[];

export const granularitySchema = z.enum(GRANULARITIES);

/** Wire form of a Period (instants as ISO strings), for API contracts and queue messages. */
export const periodSchema = z.object({
  from: z.coerce.date(),
  to: z.coerce.date(),
  fromDate: localDateSchema,
  toDate: localDateSchema,
  timeZone: timeZoneSchema,
  preset: periodPresetSchema,
});
