const cache = new Map<string, Intl.DateTimeFormat>();

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * ar-SA's default calendar is Umm al-Qura (Hijri). Dashboards and Salla itself use Gregorian
 * dates, so that is the default here; a locale that names a calendar ('ar-SA-u-ca-islamic-umalqura')
 * or an explicit `calendar` option wins.
 */
function withCalendar(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormatOptions {
  if (options.calendar !== undefined || /-u-(?:.*-)?ca-/.test(locale)) return { ...options, timeZone: 'UTC' };
  return { calendar: 'gregory', ...options, timeZone: 'UTC' };
}

/**
 * Formats a local calendar date 'YYYY-MM-DD' without any time-zone shift: the date is read as
 * a calendar day and formatted in UTC, so '2025-03-01' is 1 March everywhere. Gregorian unless
 * the locale or options name another calendar.
 */
export function formatLocalDate(
  localDate: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
): string {
  const match = LOCAL_DATE.exec(localDate);
  if (match === null) return localDate;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, withCalendar(locale, options));
    cache.set(key, format);
  }
  return format.format(date);
}

/** '2025-03-01'..'2025-03-31' → '1 Mar – 31 Mar 2025' (en) / the Arabic equivalent. */
export function formatLocalDateRange(
  fromDate: string,
  toDate: string,
  locale: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' },
): string {
  const from = LOCAL_DATE.exec(fromDate);
  const to = LOCAL_DATE.exec(toDate);
  if (from === null || to === null) return `${fromDate} – ${toDate}`;
  const toUtc = (m: RegExpExecArray) => new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(locale, withCalendar(locale, options)).formatRange(toUtc(from), toUtc(to));
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (match === null) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}
