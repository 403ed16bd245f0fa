import { addLocalDays, type PeriodPreset, toLocalDate } from '@salla-analytics/core-library';
import type { PlanPeriod } from '../plan/plan-schema.js';
import { hasAny } from '../text/normalize.js';

/**
 * Period phrases merchants use, in Arabic (Modern Standard and Gulf) and English, mapped onto
 * core-library's presets. Phrases are written folded (see normalizeText) after `foldForPlanning`.
 */
export const PERIOD_PHRASES: ReadonlyArray<readonly [Exclude<PeriodPreset, 'custom'>, readonly string[]]> = [
  ['last_7_days', ['اخر 7 ايام', 'اخر سبع ايام', 'اخر سبعه ايام', 'اخر اسبوع', 'last 7 days', 'past 7 days', 'past week', 'last seven days']],
  ['last_30_days', ['اخر 30 يوم', 'اخر 30 يوما', 'اخر ثلاثين يوم', 'اخر شهر', 'last 30 days', 'past 30 days', 'past month', 'last thirty days']],
  ['yesterday', ['امس', 'البارحه', 'مبارح', 'امبارح', 'yesterday']],
  ['today', ['اليوم', 'هذا اليوم', 'today', 'so far today']],
  ['last_week', ['الاسبوع الماضي', 'الاسبوع اللي فات', 'الاسبوع الي فات', 'الاسبوع السابق', 'الاسبوع الفايت', 'الاسبوع المنصرم', 'last week', 'previous week', 'the week before']],
  ['this_week', ['هذا الاسبوع', 'الاسبوع هذا', 'الاسبوع الحالي', 'this week', 'week to date']],
  ['last_month', ['الشهر الماضي', 'الشهر اللي فات', 'الشهر الي فات', 'الشهر السابق', 'الشهر الفايت', 'الشهر المنصرم', 'last month', 'previous month']],
  ['this_month', ['هذا الشهر', 'الشهر هذا', 'الشهر الحالي', 'this month', 'month to date', 'mtd']],
  ['last_quarter', ['الربع الماضي', 'الربع السابق', 'الربع اللي فات', 'last quarter', 'previous quarter']],
  ['this_quarter', ['هذا الربع', 'الربع الحالي', 'this quarter', 'quarter to date']],
  ['last_year', ['السنه الماضيه', 'العام الماضي', 'السنه اللي فاتت', 'السنه الي فاتت', 'السنه السابقه', 'العام السابق', 'last year', 'previous year']],
  ['this_year', ['هذه السنه', 'هذا العام', 'السنه هذي', 'السنه الحاليه', 'العام الحالي', 'this year', 'year to date', 'ytd']],
];

const MONTHS: ReadonlyArray<readonly string[]> = [
  ['يناير', 'january', 'jan', 'كانون الثاني'],
  ['فبراير', 'february', 'feb', 'شباط'],
  ['مارس', 'march', 'اذار'],
  ['ابريل', 'april', 'apr', 'نيسان'],
  ['مايو', 'may', 'ايار'],
  ['يونيو', 'june', 'jun', 'حزيران'],
  ['يوليو', 'july', 'jul', 'تموز'],
  ['اغسطس', 'august', 'aug', 'اب'],
  ['سبتمبر', 'september', 'sep', 'sept', 'ايلول'],
  ['اكتوبر', 'october', 'oct', 'تشرين الاول'],
  ['نوفمبر', 'november', 'nov', 'تشرين الثاني'],
  ['ديسمبر', 'december', 'dec', 'كانون الاول'],
];

/** Words that introduce the period compared with: "this month vs last month", "مقارنة بالشهر الماضي". */
const COMPARISON_MARKERS = [' vs ', ' versus ', ' compared to ', ' compared with ', ' against ', ' مقارنه ', ' مقابل ', ' عن ', ' ولا ', ' بالمقارنه '];
const PREVIOUS_YEAR = ['same period last year', 'year over year', 'yoy', 'نفس الفتره السنه الماضيه', 'نفس الفتره العام الماضي', 'last year', 'السنه الماضيه', 'العام الماضي', 'السنه اللي فاتت'];

export interface DetectedPeriod {
  period: PlanPeriod | null;
  compare: 'previous_period' | 'previous_year' | null;
  /** The text with the period phrases removed (for finding counts like "top 5"). */
  rest: string;
}

export interface PeriodClock {
  now: Date;
  timeZone: string;
}

export function detectPeriod(text: string, clock: PeriodClock): DetectedPeriod {
  const padded = ` ${text} `;
  const marker = COMPARISON_MARKERS.map((m) => ({ m, at: padded.indexOf(m) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (marker) {
    const main = findPeriod(padded.slice(0, marker.at).trim(), clock);
    const otherText = padded.slice(marker.at + marker.m.length).trim();
    const other = findPeriod(otherText, clock);
    const yearBack = hasAny(otherText, PREVIOUS_YEAR);
    if (main.period && (other.period || yearBack)) {
      const compare = yearBack && !['this_year', 'last_year'].includes(main.period.preset) ? 'previous_year' : 'previous_period';
      return { period: main.period, compare, rest: `${main.rest} ${other.rest}` };
    }
  }
  if (hasAny(text, PREVIOUS_YEAR.slice(0, 5))) {
    const found = findPeriod(text.replace(/same period last year|year over year|yoy|نفس الفتره (من )?(السنه الماضيه|العام الماضي)/g, ' '), clock);
    return { ...found, compare: 'previous_year' };
  }
  return { ...findPeriod(text, clock), compare: null };
}

function findPeriod(text: string, clock: PeriodClock): { period: PlanPeriod | null; rest: string } {
  const dates = [...text.matchAll(/\b(\d{4}-\d{2}-\d{2})\b/g)].map((m) => m[1] as string);
  if (dates.length >= 2) {
    const [a, b] = [dates[0] as string, dates[1] as string].sort();
    return { period: { preset: 'custom', from: a as string, to: b as string }, rest: text.replace(/\d{4}-\d{2}-\d{2}/g, ' ') };
  }
  if (dates.length === 1) {
    const day = dates[0] as string;
    return { period: { preset: 'custom', from: day, to: day }, rest: text.replace(day, ' ') };
  }
  const lastN = text.match(/(?:اخر|last|past)\s+(\d{1,3})\s+(?:يوم|ايام|يوما|days?)/);
  if (lastN) {
    const n = Number(lastN[1]);
    const rest = text.replace(lastN[0], ' ');
    if (n === 7) return { period: { preset: 'last_7_days' }, rest };
    if (n === 30) return { period: { preset: 'last_30_days' }, rest };
    if (n >= 1 && n <= 366) {
      const today = toLocalDate(clock.now, clock.timeZone);
      return { period: { preset: 'custom', from: addLocalDays(today, -(n - 1)), to: today }, rest };
    }
  }
  for (const [preset, phrases] of PERIOD_PHRASES) {
    const phrase = phrases.find((p) => ` ${text} `.includes(` ${p} `));
    if (phrase) return { period: { preset }, rest: ` ${text} `.replace(` ${phrase} `, ' ').trim() };
  }
  for (const [index, names] of MONTHS.entries()) {
    const name = names.find((n) => n.length > 2 && ` ${text} `.includes(` ${n} `)) ?? names.find((n) => ` ${text} `.includes(` شهر ${n} `));
    if (name) return { period: monthPeriod(index, clock), rest: ` ${text} `.replace(` ${name} `, ' ').trim() };
  }
  return { period: null, rest: text };
}

/** The latest month of that name that has started, as a custom range (up to today when it is the current month). */
function monthPeriod(monthIndex: number, clock: PeriodClock): PlanPeriod {
  const today = toLocalDate(clock.now, clock.timeZone);
  const year = Number(today.slice(0, 4));
  const currentMonth = Number(today.slice(5, 7)) - 1;
  const y = monthIndex > currentMonth ? year - 1 : year;
  const mm = String(monthIndex + 1).padStart(2, '0');
  const from = `${y}-${mm}-01`;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  const end = `${y}-${mm}-${String(lastDay).padStart(2, '0')}`;
  return { preset: 'custom', from, to: end < today ? end : today };
}
