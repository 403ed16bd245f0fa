import { TZDate } from '@date-fns/tz';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../time/time-zone.js';

// "2022-12-31 12:31:25", "2025-03-14 21:47:09.000000", ISO "2025-03-14T18:47:09Z", "...+03:00", date-only.
const WALL_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
// "Sun Jun 26 2022 13:29:51 GMT+0300" with an optional trailing "(Arabian Standard Time)".
const JS_DATE_STRING =
  /^(?:[A-Za-z]{3},?\s+)?([A-Za-z]{3})\s+(\d{1,2})\s+(\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s+(?:GMT|UTC)([+-]\d{2}):?(\d{2})(?:\s*\(.*\))?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const OFFSET = /^(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2})?$/i;

/**
 * Parses one of Salla's date shapes to an instant. Wall times without a zone are Salla's
 * store-local time, Asia/Riyadh, unless `defaultTimeZone` says otherwise. Returns undefined
 * when the text is not a date.
 */
export function parseSallaDateString(
  text: string,
  defaultTimeZone: string = DEFAULT_TIME_ZONE,
): Date | undefined {
  const trimmed = text.trim();
  const wall = WALL_TIME.exec(trimmed);
  if (wall !== null) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = wall;
    const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
    const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms] as const;
    if (!validFields(fields)) return undefined;
    if (zone === undefined) return fromZone(fields, defaultTimeZone);
    return fromOffset(fields, zone.toUpperCase() === 'Z' ? 0 : offsetMinutes(zone));
  }
  const js = JS_DATE_STRING.exec(trimmed);
  if (js !== null) {
    const [, mon = '', d, y, h, mi, s, offH = '+00', offM = '00'] = js;
    const month = MONTHS.indexOf(mon.toLowerCase()) + 1;
    const fields = [Number(y), month, Number(d), Number(h), Number(mi), Number(s), 0] as const;
    if (month === 0 || !validFields(fields)) return undefined;
    const sign = offH.startsWith('-') ? -1 : 1;
    return fromOffset(fields, sign * (Math.abs(Number(offH)) * 60 + Number(offM)));
  }
  return undefined;
}

type Fields = readonly [number, number, number, number, number, number, number];

function validFields([y, mo, d, h, mi, s]: Fields): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

function fromOffset([y, mo, d, h, mi, s, ms]: Fields, offsetMinutesEast: number): Date {
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offsetMinutesEast * 60_000);
}

// TZDate goes through Intl and costs tens of microseconds; every webhook carries several dates
// (parsed at intake and again by the consumer). The offset of a local day is cached and trusted
// only when it is the same at the day's first and last millisecond (no DST change that day);
// on the few days with a change, each date goes through TZDate.
const dayOffsets = new Map<string, number | null>();

function fromZone([y, mo, d, h, mi, s, ms]: Fields, timeZone: string): Date {
  const key = `${timeZone}|${y}|${mo}|${d}`;
  let offset = dayOffsets.get(key);
  if (offset === undefined) {
    const atStart = Date.UTC(y, mo - 1, d) - new TZDate(y, mo - 1, d, 0, 0, 0, 0, timeZone).getTime();
    const atEnd = Date.UTC(y, mo - 1, d, 23, 59, 59, 999) - new TZDate(y, mo - 1, d, 23, 59, 59, 999, timeZone).getTime();
    offset = atStart === atEnd ? atStart : null;
    if (dayOffsets.size >= 100_000) dayOffsets.clear();
    dayOffsets.set(key, offset);
  }
  if (offset === null) return new Date(new TZDate(y, mo - 1, d, h, mi, s, ms, timeZone).getTime());
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset);
}

function offsetMinutes(zone: string): number {
  const match = OFFSET.exec(zone);
  if (match === null) return Number.NaN;
  const [, sign, hours = '0', minutes = '0'] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/**
 * PHP DateTime's JSON: timezone_type 1 = offset ('+03:00'), 2 = abbreviation ('UTC', 'GMT'),
 * 3 = IANA name ('Asia/Riyadh'). Returns a date, or undefined for a zone we cannot interpret;
 * an ambiguous abbreviation like 'AST' (Arabia or Atlantic?) is rejected rather than guessed.
 */
function parseDateObject(date: string, timezone: string | undefined): Date | undefined {
  if (timezone === undefined || timezone === '') return parseSallaDateString(date);
  if (/^(UTC|GMT|Z)$/i.test(timezone)) return parseSallaDateString(date, 'UTC');
  if (OFFSET.test(timezone)) {
    const local = parseSallaDateString(date, 'UTC');
    return local === undefined ? undefined : new Date(local.getTime() - offsetMinutes(timezone) * 60_000);
  }
  if (isValidTimeZone(timezone)) return parseSallaDateString(date, timezone);
  return undefined;
}

const dateObjectSchema = z.looseObject({
  date: z.string(),
  timezone_type: z.union([z.number(), z.string()]).optional(),
  timezone: z.string().nullish(),
});

/**
 * Any date Salla sends, as a Date: "2022-12-31 12:31:25" (with or without ".000000"; Riyadh
 * time), "Sun Jun 26 2022 13:29:51 GMT+0300", { date, timezone_type, timezone }, ISO 8601 with
 * or without an offset, or an already-parsed Date.
 */
export const sallaDateSchema = z.union([z.date(), z.string(), dateObjectSchema]).transform((value, ctx) => {
  const parsed =
    value instanceof Date
      ? value
      : typeof value === 'string'
        ? parseSallaDateString(value)
        : parseDateObject(value.date, value.timezone ?? undefined);
  if (parsed === undefined || Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'expected a Salla date (e.g. "2022-12-31 12:31:25")' });
    return z.NEVER;
  }
  return parsed;
});

export type SallaDateInput = z.input<typeof sallaDateSchema>;
