import { formatMoney } from '@salla-analytics/core-library';
import { EMAIL_COLORS, emailLayout, escapeHtml, fill, formatInstant, formatNumber } from './email-layout.js';
import type { EmailLocale, RenderedEmail } from './templates.js';

export interface AlertEmailModel {
  locale: EmailLocale;
  storeName: string;
  recipientName: string | null;
  ruleName: string;
  type: 'revenue_drop' | 'no_orders' | 'orders_spike' | 'revenue_spike';
  threshold: number;
  /** Orders (count) or net sales (minor units), per `unit`. */
  value: number;
  baseline: number | null;
  unit: 'orders' | 'minor_units';
  currency: string;
  firedAt: Date;
  timeZone: string;
  baselineWeeks: number;
  alertsUrl: string;
}

const TEXT = {
  ar: {
    subject: 'تنبيه {store}: {rule}',
    greeting: (name: string | null) => (name ? `مرحباً ${name}،` : 'مرحباً،'),
    what: {
      revenue_drop: 'صافي مبيعات اليوم حتى الآن أقل من المعتاد لهذا اليوم بنسبة {change} (الحد: {threshold}٪).',
      no_orders: 'لم يصل أي طلب منذ {threshold} ساعة.',
      orders_spike: 'عدد الطلبات في الساعة الأخيرة أعلى من المعتاد بـ {ratio} ضعف (الحد: {thresholdRatio} ضعف).',
      revenue_spike: 'مبيعات الساعة الأخيرة أعلى من المعتاد بـ {ratio} ضعف (الحد: {thresholdRatio} ضعف).',
    },
    now: 'الآن',
    usual: 'المعتاد (متوسط آخر {weeks} أسابيع في اليوم نفسه)',
    at: 'وقت التنبيه: {time}',
    cta: 'عرض التنبيهات',
    footer: 'تصلك هذه الرسالة لأن قاعدة التنبيه «{rule}» مفعّلة في {store}. لن تصلك عنها رسالة أخرى خلال فترة الإيقاف المؤقت المحددة في القاعدة.',
  },
  en: {
    subject: '{store} alert: {rule}',
    greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    what: {
      revenue_drop: "Today's net sales so far are {change} below what is usual for this weekday (threshold: {threshold}%).",
      no_orders: 'No order has come in for {threshold} hours.',
      orders_spike: 'Orders in the last hour are {ratio}× the usual (threshold: {thresholdRatio}×).',
      revenue_spike: 'Sales in the last hour are {ratio}× the usual (threshold: {thresholdRatio}×).',
    },
    now: 'Now',
    usual: 'Usual (average of the last {weeks} same weekdays)',
    at: 'Alert time: {time}',
    cta: 'View alerts',
    footer: 'You get this email because the alert rule “{rule}” is on for {store}. It stays quiet for the pause set on the rule.',
  },
} as const;

/** The email of a fired alert rule, in Arabic (RTL) or English. */
export function renderAlertEmail(model: AlertEmailModel): RenderedEmail {
  const t = TEXT[model.locale];
  const show = (value: number) => (model.unit === 'minor_units' ? formatMoney({ amountMinor: Math.round(value), currency: model.currency }, model.locale) : formatNumber(value, model.locale));
  const ratio = model.baseline ? model.value / model.baseline : null;
  const values = {
    store: model.storeName,
    rule: model.ruleName,
    threshold: formatNumber(model.threshold, model.locale),
    thresholdRatio: new Intl.NumberFormat(model.locale === 'ar' ? 'ar-SA' : 'en-SA', { maximumFractionDigits: 1 }).format(model.threshold / 100),
    ratio: ratio === null ? '—' : new Intl.NumberFormat(model.locale === 'ar' ? 'ar-SA' : 'en-SA', { maximumFractionDigits: 1 }).format(ratio),
    change: ratio === null ? '—' : formatNumber(Math.abs(1 - ratio), model.locale, 'percent').replace(/^[+\-\u200e\u061c]+/, ''),
    weeks: formatNumber(model.baselineWeeks, model.locale),
    time: formatInstant(model.firedAt, model.timeZone, model.locale),
  };
  const what = fill(t.what[model.type], values);
  const rows =
    model.baseline === null
      ? ''
      : `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin: 12px 0;"><tr>
<td width="50%" valign="top" style="padding: 6px;"><div style="border: 1px solid ${EMAIL_COLORS.line}; border-radius: 10px; padding: 14px 16px;"><div style="font-size: 13px; color: ${EMAIL_COLORS.muted};">${escapeHtml(t.now)}</div><div data-value="now" style="font-size: 22px; font-weight: 700; color: ${model.type === 'revenue_drop' ? EMAIL_COLORS.down : EMAIL_COLORS.up};">${escapeHtml(show(model.value))}</div></div></td>
<td width="50%" valign="top" style="padding: 6px;"><div style="border: 1px solid ${EMAIL_COLORS.line}; border-radius: 10px; padding: 14px 16px;"><div style="font-size: 13px; color: ${EMAIL_COLORS.muted};">${escapeHtml(fill(t.usual, values))}</div><div data-value="usual" style="font-size: 22px; font-weight: 700;">${escapeHtml(show(model.baseline))}</div></div></td>
</tr></table>`;
  const body = `<p style="margin: 0 0 8px 0;">${escapeHtml(t.greeting(model.recipientName))}</p>
<div style="background: ${EMAIL_COLORS.brandSoft}; border-radius: 10px; padding: 14px 16px; font-weight: 600;">${escapeHtml(what)}</div>
${rows}
<p style="margin: 8px 0 0 0; color: ${EMAIL_COLORS.muted}; font-size: 13px;">${escapeHtml(fill(t.at, values))}</p>`;
  const footer = fill(t.footer, values);
  const subject = fill(t.subject, values);
  return {
    subject,
    html: emailLayout({ locale: model.locale, preheader: what, title: model.ruleName, body, cta: { label: t.cta, url: model.alertsUrl }, footer }),
    text: [t.greeting(model.recipientName), what, ...(model.baseline === null ? [] : [`${t.now}: ${show(model.value)}`, `${fill(t.usual, values)}: ${show(model.baseline)}`]), fill(t.at, values), `${t.cta}: ${model.alertsUrl}`, footer].join('\n'),
  };
}
