import { z } from 'zod';
import { Locale, WeekStart } from '../generated/prisma/enums.js';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** The per-merchant settings that shape reports: currency, time zone, week start, language. */
export const MerchantSettingsSchema = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. SAR'),
  timeZone: z.string().refine(isTimeZone, 'an IANA time zone, e.g. Asia/Riyadh'),
  weekStart: z.enum(WeekStart),
  locale: z.enum(Locale),
});

export type MerchantSettings = z.infer<typeof MerchantSettingsSchema>;
