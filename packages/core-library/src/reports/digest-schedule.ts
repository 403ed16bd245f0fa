import { addLocalDays } from '../time/local-date.js';
import type { Period } from '../time/period.js';
import { buildPeriod } from '../time/resolve-period.js';
import { startOfLocalWeek, type WeekStart } from '../time/week.js';
import { toLocalDateTime } from '../time/zoned-time.js';

export type DigestKind = 'daily' | 'weekly';

export interface DigestDue {
  kind: DigestKind;
  /** The store-local date the digest is sent on (part of its idempotency key). */
  localDate: string;
  /** Yesterday (daily) or the last full week (weekly), in the store's zone. */
  period: Period;
  /** The period before it, same length. */
  comparison: Period;
}

/** The scheduler tick that sends digests: every 15 minutes (UTC), each store's local quarter-hour. */
export const DIGEST_TICK_MINUTES = 15;

/**
 * Whether a digest is due at tick `at` for a preference (local `hour`) in a store's zone: the
 * first tick of that local hour — any zone whose offset is a multiple of 15 minutes gets exactly
 * one — and, weekly, only on the store's week start. Null when nothing is due.
 */
export function digestDueAt(
  preference: { frequency: DigestKind; hour: number },
  store: { timeZone: string; weekStart: WeekStart },
  at: Date,
): DigestDue | null {
  const local = toLocalDateTime(at, store.timeZone);
  const localDate = local.slice(0, 10);
  const hour = Number(local.slice(11, 13));
  const minute = Number(local.slice(14, 16));
  if (hour !== preference.hour || minute >= DIGEST_TICK_MINUTES) return null;
  const yesterday = addLocalDays(localDate, -1);
  if (preference.frequency === 'daily') {
    const before = addLocalDays(localDate, -2);
    return {
      kind: 'daily',
      localDate,
      period: buildPeriod(yesterday, yesterday, store.timeZone, 'yesterday'),
      comparison: buildPeriod(before, before, store.timeZone, 'custom'),
    };
  }
  if (startOfLocalWeek(localDate, store.weekStart) !== localDate) return null;
  const from = addLocalDays(localDate, -7);
  return {
    kind: 'weekly',
    localDate,
    period: buildPeriod(from, yesterday, store.timeZone, 'last_week'),
    comparison: buildPeriod(addLocalDays(localDate, -14), addLocalDays(localDate, -8), store.timeZone, 'custom'),
  };
}
