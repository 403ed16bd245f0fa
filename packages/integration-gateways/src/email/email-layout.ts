import type { EmailLocale } from './templates.js';

/** Arabic-first, RTL-correct HTML email chrome (table layout and inline styles: what mail clients render). */
export interface EmailLayoutInput {
  locale: EmailLocale;
  /** Shown in the inbox after the subject. */
  preheader: string;
  title: string;
  /** Inner HTML (already escaped). */
  body: string;
  cta?: { label: string; url: string };
  footer: string;
}

export const EMAIL_COLORS = { ink: '#0f172a', muted: '#64748b', line: '#e2e8f0', brand: '#0f766e', brandSoft: '#ccfbf1', up: '#15803d', down: '#b91c1c', page: '#f1f5f9' };

export function emailLayout(input: EmailLayoutInput): string {
  const dir = input.locale === 'ar' ? 'rtl' : 'ltr';
  const align = input.locale === 'ar' ? 'right' : 'left';
  const font = input.locale === 'ar' ? "'IBM Plex Sans Arabic', 'Segoe UI', Tahoma, Arial, sans-serif" : "'Inter', 'Segoe UI', Helvetica, Arial, sans-serif";
  const brand = input.locale === 'ar' ? 'تحليلات سلة' : 'Salla Analytics';
  const cta = input.cta
    ? `<tr><td style="padding: 8px 32px 28px 32px;" align="${align}"><a href="${escapeHtml(input.cta.url)}" style="display: inline-block; background: ${EMAIL_COLORS.brand}; color: #ffffff; text-decoration: none; font-weight: 600; padding: 12px 22px; border-radius: 8px;">${escapeHtml(input.cta.label)}</a></td></tr>`
    : '';
  return `<!doctype html>
<html lang="${input.locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light"><title>${escapeHtml(input.title)}</title></head>
<body style="margin: 0; padding: 0; background: ${EMAIL_COLORS.page}; direction: ${dir};">
<div style="display: none; max-height: 0; overflow: hidden;">${escapeHtml(input.preheader)}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" dir="${dir}" style="background: ${EMAIL_COLORS.page}; font-family: ${font}; color: ${EMAIL_COLORS.ink};">
<tr><td align="center" style="padding: 24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" dir="${dir}" style="max-width: 600px; width: 100%; background: #ffffff; border: 1px solid ${EMAIL_COLORS.line}; border-radius: 12px; text-align: ${align};">
<tr><td style="padding: 20px 32px; border-bottom: 3px solid ${EMAIL_COLORS.brand};"><span style="font-size: 15px; font-weight: 700; color: ${EMAIL_COLORS.brand};">${brand}</span></td></tr>
<tr><td style="padding: 24px 32px 4px 32px;"><h1 style="margin: 0; font-size: 22px; line-height: 1.4; color: ${EMAIL_COLORS.ink};">${escapeHtml(input.title)}</h1></td></tr>
<tr><td style="padding: 12px 32px 16px 32px; font-size: 15px; line-height: 1.7;">${input.body}</td></tr>
${cta}
<tr><td style="padding: 16px 32px 24px 32px; border-top: 1px solid ${EMAIL_COLORS.line}; font-size: 12px; line-height: 1.6; color: ${EMAIL_COLORS.muted};">${escapeHtml(input.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`;
}

/** Fills `{name}` placeholders of a sentence (plain text; escape when it goes into HTML). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** Whole numbers and percentages as the reader writes them (ar-SA: Arabic-Indic digits). */
export function formatNumber(value: number, locale: EmailLocale, style: 'decimal' | 'percent' = 'decimal'): string {
  const key = `${locale}:${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ar' ? 'ar-SA' : 'en-SA', style === 'percent' ? { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' } : { maximumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A local calendar date ('YYYY-MM-DD') in words, Gregorian, e.g. '٣ مارس ٢٠٢٦' / 'Mar 3, 2026'. */
export function formatLocalDate(localDate: string, locale: EmailLocale, withWeekday = false): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withWeekday ? { weekday: 'long' } : {}),
  }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** A UTC instant as the store's local date and time. */
export function formatInstant(at: Date, timeZone: string, locale: EmailLocale): string {
  return new Intl.DateTimeFormat(locale === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
