import { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/** Merchants are Saudi unless configured otherwise. Riyadh has had no DST since 1950s records. */
export const DEFAULT_TIME_ZONE = 'Asia/Riyadh';

const known = new Map<string, boolean>();

/**
 * True for IANA zone names the runtime knows ('Asia/Riyadh', 'Europe/Berlin', 'UTC').
 * Offsets like '+03:00' are rejected on purpose: they cannot follow DST rules. So are ICU's
 * legacy three-letter aliases, which Intl accepts but which mislead: 'AST' is Alaska there,
 * while a Saudi payload means Arabia Standard Time.
 */
export function isValidTimeZone(timeZone: string): boolean {
  const cached = known.get(timeZone);
  if (cached !== undefined) return cached;
  let valid = timeZone.includes('/') || timeZone === 'UTC';
  if (valid) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      valid = false;
    }
  }
  known.set(timeZone, valid);
  return valid;
}

export const timeZoneSchema = z.string().trim().refine(isValidTimeZone, 'expected an IANA time zone name');

export function assertTimeZone(timeZone: string): string {
  if (!isValidTimeZone(timeZone)) {
    throw new AppError('INVALID_ARGUMENT', 'Unknown time zone', { context: { timeZone } });
  }
  return timeZone;
}
