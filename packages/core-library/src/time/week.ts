import { addLocalDays, type LocalDate, localDayOfWeek } from './local-date.js';

/** Saudi merchants mostly start weeks on Sunday (the work week) or Saturday; others on Monday. */
export type WeekStart = 'saturday' | 'sunday' | 'monday';

export const WEEK_STARTS = ['saturday', 'sunday', 'monday'] as const satisfies readonly WeekStart[];

export const DEFAULT_WEEK_START: WeekStart = 'sunday';

const WEEK_START_DAY: Record<WeekStart, number> = { sunday: 0, monday: 1, saturday: 6 };

/** The first day of the week containing `localDate`, for the merchant's week start. */
export function startOfLocalWeek(localDate: string, weekStart: WeekStart): LocalDate {
  const offset = (localDayOfWeek(localDate) - WEEK_START_DAY[weekStart] + 7) % 7;
  return addLocalDays(localDate, -offset);
}
