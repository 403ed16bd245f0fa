import { localDayOfWeek, parseLocalDateParts } from '../time/local-date.js';

export type Season = 'ramadan' | 'pre_eid' | 'eid' | 'white_friday' | 'national_day' | 'regular';

export interface DayProfile {
  /** Relative order volume of the day (1 = an ordinary weekday). */
  weight: number;
  season: Season;
}

// Umm al-Qura is Saudi Arabia's official Hijri calendar; Intl ships its tables, so Ramadan and
// the Eids land on the right Gregorian days in any year without a hand-kept list.
const hijri = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
  timeZone: 'UTC',
  month: 'numeric',
  day: 'numeric',
});

function hijriMonthDay(localDate: string): [number, number] {
  const parts = parseLocalDateParts(localDate);
  if (parts === undefined) return [0, 0];
  const at = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
  let month = 0;
  let day = 0;
  for (const part of hijri.formatToParts(at)) {
    if (part.type === 'month') month = Number(part.value);
    if (part.type === 'day') day = Number(part.value);
  }
  return [month, day];
}

// Sun..Sat. Thursday and Friday are the Saudi weekend shopping peak.
const WEEKDAY_WEIGHT = [0.95, 0.9, 0.9, 0.95, 1.2, 1.15, 1.0] as const;

/** Salla's "White Friday" is the last Friday of November; the week before it ramps up. */
function whiteFridayBoost(month: number, day: number, year: number): number {
  if (month !== 11) return 1;
  const lastDay = 30;
  const lastDow = new Date(Date.UTC(year, 10, lastDay)).getUTCDay();
  const lastFriday = lastDay - ((lastDow - 5 + 7) % 7);
  if (day === lastFriday) return 3.2;
  if (day > lastFriday - 7 && day < lastFriday) return 1.9;
  if (day > lastFriday && day <= lastFriday + 3) return 1.5;
  return 1;
}

export function dayProfile(localDate: string): DayProfile {
  const parts = parseLocalDateParts(localDate);
  if (parts === undefined) return { weight: 1, season: 'regular' };
  const { year, month, day } = parts;
  let weight = WEEKDAY_WEIGHT[localDayOfWeek(localDate)] ?? 1;
  let season: Season = 'regular';

  const [hijriMonth, hijriDay] = hijriMonthDay(localDate);
  if (hijriMonth === 9) {
    // Ramadan: evenings are busy all month; the last ten days are Eid shopping.
    season = hijriDay >= 20 ? 'pre_eid' : 'ramadan';
    weight *= hijriDay >= 20 ? 1.9 : 1.35;
  } else if (
    (hijriMonth === 10 && hijriDay <= 3) ||
    (hijriMonth === 12 && hijriDay >= 10 && hijriDay <= 13)
  ) {
    // Eid days themselves are family time; online orders dip.
    season = 'eid';
    weight *= 0.75;
  } else if (hijriMonth === 12 && hijriDay < 10) {
    season = 'pre_eid';
    weight *= 1.4;
  }

  const whiteFriday = whiteFridayBoost(month, day, year);
  if (whiteFriday > 1) {
    season = 'white_friday';
    weight *= whiteFriday;
  }
  if ((month === 9 && day >= 20 && day <= 24) || (month === 2 && day === 22)) {
    season = 'national_day';
    weight *= 1.35;
  }
  return { weight, season };
}

// Hour-of-day shares (local time): quiet nights, a lunch bump, a strong 20:00-23:00 peak.
const HOUR_WEIGHT = [
  1.2, 0.7, 0.4, 0.25, 0.2, 0.25, 0.4, 0.7, 1.0, 1.3, 1.6, 1.8, 1.9, 2.0, 1.9, 1.9, 2.0, 2.2, 2.4, 2.6, 3.2,
  3.6, 3.5, 2.4,
] as const;

/** Hour weights for a day; Thursday/Friday evenings and Ramadan nights shift later and higher. */
export function hourWeights(dayOfWeek: number, season: Season): number[] {
  return HOUR_WEIGHT.map((weight, hour) => {
    let adjusted = weight;
    if ((dayOfWeek === 4 || dayOfWeek === 5) && hour >= 19) adjusted *= 1.5;
    if (season === 'ramadan' || season === 'pre_eid') {
      // After iftar until suhoor is when Ramadan shopping happens.
      if (hour >= 21 || hour <= 2) adjusted *= 1.8;
      else if (hour >= 12 && hour <= 17) adjusted *= 0.6;
    }
    return adjusted;
  });
}
