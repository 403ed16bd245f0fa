import { GRANULARITIES, WEEK_STARTS } from '@salla-analytics/core-library';
import { z } from 'zod';
import { periodQuery } from './period-query';
import { RFM_SEGMENT_NAMES } from './rfm-segment-names';

export { RFM_SEGMENT_NAMES };

// Query contracts of the BFF's analytics routes. Numbers arrive as strings in a query string.
const limit = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Rows to return (1–${max})`);

export const SALES_BREAKDOWN_DIMENSIONS = ['payment_method', 'city', 'status'] as const;

export const overviewQuerySchema = periodQuery({});
export const trendQuerySchema = periodQuery({
  granularity: z.enum(GRANULARITIES).optional().describe('Bucket size; default chosen from the period length'),
});
export const productsQuerySchema = periodQuery({
  sortBy: z.enum(['revenue', 'quantity']).default('revenue'),
  limit: limit(100, 20),
});
export const categoriesQuerySchema = periodQuery({ limit: limit(50, 20) });
export const salesBreakdownQuerySchema = periodQuery({
  dimension: z.enum(SALES_BREAKDOWN_DIMENSIONS).describe('What to break sales down by'),
  limit: limit(50, 20),
});
export const newVsReturningQuerySchema = periodQuery({});
export const cohortsQuerySchema = periodQuery({
  months: z.coerce.number().int().min(1).max(24).default(6).describe('Monthly cohorts ending with the period’s last month'),
});
export const rfmQuerySchema = periodQuery({});
export const rfmMembersQuerySchema = periodQuery({
  segment: z.enum(RFM_SEGMENT_NAMES).optional(),
  limit: limit(200, 50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export const ltvQuerySchema = periodQuery({});
export const cartsQuerySchema = periodQuery({});
export const emptyQuerySchema = z.strictObject({});

export const settingsPatchSchema = z
  .strictObject({
    timeZone: z
      .string()
      .refine((tz) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: tz });
          return tz.includes('/') || tz === 'UTC';
        } catch {
          return false;
        }
      }, 'expected an IANA time zone such as Asia/Riyadh')
      .optional(),
    weekStart: z.enum(WEEK_STARTS).optional(),
    locale: z.enum(['ar', 'en']).optional(),
    currency: z.enum(['SAR', 'AED', 'KWD', 'BHD', 'QAR', 'OMR', 'USD']).optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'nothing to change');

export type TrendQuery = z.infer<typeof trendQuerySchema>;
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
