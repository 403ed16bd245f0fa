import { Cron } from 'croner';
import { AppError } from '../errors/app-error.js';

/**
 * Cron expressions of the job scheduler, always evaluated in UTC (5 fields: minute hour
 * day-of-month month day-of-week; seconds are not used). Store-local times (a digest at 08:00
 * Asia/Riyadh) are the handlers' business: they run on a UTC tick and look at each store's clock.
 */
function parse(expression: string): Cron {
  if (expression.trim().split(/\s+/).length !== 5) {
    throw new AppError('INVALID_ARGUMENT', `A schedule needs a 5-field cron expression (minute hour day month weekday), got "${expression}"`);
  }
  try {
    return new Cron(expression, { timezone: 'UTC', paused: true });
  } catch (error) {
    throw new AppError('INVALID_ARGUMENT', `Invalid cron expression "${expression}": ${(error as Error).message}`);
  }
}

/** Throws AppError('INVALID_ARGUMENT') unless the expression is a valid 5-field cron. */
export function assertCronExpression(expression: string): void {
  parse(expression);
}

/** The first tick strictly after `after`. */
export function nextCronTick(expression: string, after: Date): Date {
  const next = parse(expression).nextRun(after);
  if (next === null) throw new AppError('INVALID_ARGUMENT', `Cron expression "${expression}" never fires`);
  return next;
}

/** The latest tick at or before `at`, searching back at most `lookBackMs` (null if none). */
export function latestCronTick(expression: string, at: Date, lookBackMs = 8 * 24 * 3600_000): Date | null {
  const cron = parse(expression);
  let latest: Date | null = null;
  let cursor = new Date(at.getTime() - lookBackMs - 1);
  for (;;) {
    const next = cron.nextRun(cursor);
    if (next === null || next.getTime() > at.getTime()) return latest;
    latest = next;
    cursor = next;
  }
}

/**
 * Ticks due at `now`, starting at `from` (inclusive): the last `limit` of them (older missed
 * ticks are skipped), and the first tick after `now` (the schedule's next due time).
 */
export function dueCronTicks(expression: string, from: Date, now: Date, limit: number): { ticks: Date[]; next: Date } {
  const cron = parse(expression);
  const ticks: Date[] = [];
  let cursor = new Date(from.getTime() - 1);
  for (;;) {
    const next = cron.nextRun(cursor);
    if (next === null) throw new AppError('INVALID_ARGUMENT', `Cron expression "${expression}" never fires`);
    if (next.getTime() > now.getTime()) return { ticks, next };
    ticks.push(next);
    if (ticks.length > limit) ticks.shift();
    cursor = next;
  }
}
