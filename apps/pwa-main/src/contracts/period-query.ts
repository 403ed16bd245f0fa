import { COMPARISON_MODES, isValidLocalDate, PERIOD_PRESETS } from '@salla-analytics/core-library';
import { z } from 'zod';

const localDate = z.string().refine(isValidLocalDate, 'expected a date like 2025-03-01');

/** The period fields every analytics route accepts (and the PWA keeps in its URL). */
export const periodQueryFields = {
  preset: z.enum(PERIOD_PRESETS).default('last_30_days').describe('Date range preset, resolved in the store time zone'),
  from: localDate.optional().describe('First local day (YYYY-MM-DD), preset=custom only'),
  to: localDate.optional().describe('Last local day (YYYY-MM-DD, inclusive), preset=custom only'),
  compare: z
    .enum([...COMPARISON_MODES, 'none'])
    .default('previous_period')
    .describe('Comparison period'),
};

type PeriodFields = { preset: string; from?: string | undefined; to?: string | undefined };

const customHasDates = (q: PeriodFields) => q.preset !== 'custom' || (q.from !== undefined && q.to !== undefined);
const inOrder = (q: PeriodFields) => q.from === undefined || q.to === undefined || q.from <= q.to;

/**
 * A strict query schema: the period fields plus `extra`. Unknown parameters are refused (400), so
 * nothing a caller adds — `merchantId` included — is ever silently ignored or used.
 */
export function periodQuery<Extra extends z.ZodRawShape>(extra: Extra) {
  const fields = z.strictObject({ ...periodQueryFields, ...extra });
  const schema = fields
    .refine((q) => customHasDates(q as PeriodFields), { message: 'a custom period needs from and to', path: ['from'] })
    .refine((q) => inOrder(q as PeriodFields), { message: 'from must not be after to', path: ['to'] });
  return Object.assign(schema, { fields });
}

/**
 * The period every BFF analytics route accepts in its query string (and the PWA keeps in its URL
 * so a shared link shows the same view). Custom periods name their local dates; presets resolve in
 * the merchant's time zone on the server.
 */
export const periodQuerySchema = periodQuery({});

export type PeriodQuery = z.infer<typeof periodQuerySchema>;
