import { addLocalDays } from '../time/local-date.js';
import { localDateTimeToUtc, localMidnightUtc } from '../time/zoned-time.js';

const DAY_MS = 86_400_000;

/**
 * Local wall time -> UTC instant, fast. On a 24-hour day the answer is midnight plus the time
 * of day; only DST-change days take the zone library's slower, exact path. This keeps a
 * 36,000-order store well under a second.
 */
export class WallClock {
  readonly #timeZone: string;
  readonly #days = new Map<string, { midnight: number; regular: boolean }>();

  constructor(timeZone: string) {
    this.#timeZone = timeZone;
  }

  toUtc(localDate: string, secondOfDay: number): Date {
    const day = this.#day(localDate);
    if (day.regular) return new Date(day.midnight + secondOfDay * 1000);
    const hour = Math.floor(secondOfDay / 3600);
    const minute = Math.floor((secondOfDay % 3600) / 60);
    return localDateTimeToUtc(localDate, hour, minute, secondOfDay % 60, this.#timeZone);
  }

  midnight(localDate: string): number {
    return this.#day(localDate).midnight;
  }

  #day(localDate: string) {
    let day = this.#days.get(localDate);
    if (day === undefined) {
      const midnight = localMidnightUtc(localDate, this.#timeZone).getTime();
      const next = localMidnightUtc(addLocalDays(localDate, 1), this.#timeZone).getTime();
      day = { midnight, regular: next - midnight === DAY_MS };
      this.#days.set(localDate, day);
    }
    return day;
  }
}
