import { addLocalDays } from '../time/local-date.js';
import { localDateTimeToUtc, toLocalDate, toLocalDateTime } from '../time/zoned-time.js';
import type { CartRecoveryRules, QuietHours } from './cart-recovery-rules.js';

const MINUTE = 60_000;

function localMinuteOfDay(instant: Date, timeZone: string): number {
  const clock = toLocalDateTime(instant, timeZone).slice(11);
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** Whether an instant falls in the quiet hours, read on the store's wall clock. */
export function isInQuietHours(instant: Date, timeZone: string, quiet: QuietHours | null): boolean {
  if (!quiet) return false;
  const minute = localMinuteOfDay(instant, timeZone);
  return quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
}

/** `instant` itself outside quiet hours, else the moment they end (local `end` on the right day). */
export function outsideQuietHours(instant: Date, timeZone: string, quiet: QuietHours | null): Date {
  if (!quiet || !isInQuietHours(instant, timeZone, quiet)) return instant;
  const localDate = toLocalDate(instant, timeZone);
  // Quiet hours spanning midnight, entered before midnight, end tomorrow.
  const endsTomorrow = quiet.start > quiet.end && localMinuteOfDay(instant, timeZone) >= quiet.start;
  const endDate = endsTomorrow ? addLocalDays(localDate, 1) : localDate;
  return localDateTimeToUtc(endDate, Math.floor(quiet.end / 60), quiet.end % 60, 0, timeZone);
}

export interface NextRecoveryEmail {
  attempt: number;
  /** When the rules allow it: after the delay or the spacing, moved out of quiet hours. */
  dueAt: Date;
}

/**
 * The next email a cart is owed, given when the earlier ones went out (oldest first), or null once
 * `maxAttempts` are used up. Attempt 1 waits `delayMinutes` after the cart's last activity; each
 * later one `attemptSpacingMinutes` after the previous email.
 */
export function nextRecoveryEmail(
  rules: Pick<CartRecoveryRules, 'delayMinutes' | 'maxAttempts' | 'attemptSpacingMinutes' | 'quietHours'>,
  abandonedAt: Date,
  sentAt: readonly Date[],
  timeZone: string,
): NextRecoveryEmail | null {
  const attempt = sentAt.length + 1;
  if (attempt > rules.maxAttempts) return null;
  const previous = sentAt[sentAt.length - 1];
  const earliest = previous
    ? new Date(previous.getTime() + rules.attemptSpacingMinutes * MINUTE)
    : new Date(abandonedAt.getTime() + rules.delayMinutes * MINUTE);
  return { attempt, dueAt: outsideQuietHours(earliest, timeZone, rules.quietHours) };
}

/** Whether a recovery email may go out at `now`: due, and `now` itself is not quiet. */
export function isRecoveryEmailDue(next: NextRecoveryEmail | null, now: Date, timeZone: string, quiet: QuietHours | null): boolean {
  return next !== null && next.dueAt.getTime() <= now.getTime() && !isInQuietHours(now, timeZone, quiet);
}
