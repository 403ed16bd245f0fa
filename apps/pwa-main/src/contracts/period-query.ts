import { COMPARISON_MODES, isValidLocalDate, PERIOD_PRESETS } from '@salla-analytics/core-library';
import { z } from 'zod';

const localDate = z.string().refine(isValidLocalDate, 'expected a date like 2025-03-01');

/**
 * The period every BFF analytics route accepts in its query string (and the PWA keeps in its URL
 * so a shared link shows the same view). Custom periods name their local dates; presets resolve in
 * the merchant's time zone on the server.
 */
export const periodQuerySchema = z
  .object({
    preset: z.enum(PERIOD_PRESETS).default('last_30_days'),
    from: localDate.optional(),
    to: localDate.optional(),
    compare: z.enum([...COMPARISON_MODES, 'none']).default('previous_period'),
  })
  .refine((q) => q.preset !== 'custom' || (q.from !== undefined && q.to !== undefined), {
    message: 'a custom period needs from and to',
    path: ['from'],
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: 'from must not be after to',
    path: ['to'],
  });

export type PeriodQuery = z.infer<typeof periodQuerySchema>;
