import { formatMoney } from '@salla-analytics/core-library';
import { EMAIL_COLORS, emailLayout, escapeHtml, fill, formatLocalDate, formatNumber } from './email-layout.js';
import type { EmailLocale, RenderedEmail } from './templates.js';

export interface DigestMetric {
  value: number;
  previous: number | null;
}

export interface DigestEmailModel {
  locale: EmailLocale;
  kind: 'daily' | 'weekly';
  storeName: string;
  recipientName: string | null;
  currency: string;
  period: { fromDate: string; toDate: string };
  comparison: { fromDate: string; toDate: string };
  metrics: { netSales: DigestMetric; orders: DigestMetric; aov: DigestMetric; uniqueCustomers: DigestMetric };
  topProducts: { name: string; quantity: number; revenueMinor: number }[];
  dashboardUrl: string;
  settingsUrl: string;
}

const TEXT = {
  ar: {
    subject: { daily: 'ملخص {store} اليومي: {date}', weekly: 'ملخص {store} الأسبوعي: {date}' },
    title: { daily: 'ملخص أمس', weekly: 'ملخص الأسبوع الماضي' },
    greeting: (name: string | null) => (name ? `مرحباً ${name}،` : 'مرحباً،'),
    intro: { daily: 'هذه أرقام {store} ليوم {date}، مقارنةً باليوم السابق.', weekly: 'هذه أرقام {store} للأسبوع {date}، مقارنةً بالأسبوع السابق.' },
    metrics: { netSales: 'صافي المبيعات', orders: 'الطلبات', aov: 'متوسط قيمة الطلب', uniqueCustomers: 'العملاء' },
    vs: 'مقابل {value}',
    noChange: 'بلا مقارنة',
    top: 'الأكثر مبيعاً',
    product: 'المنتج',
    quantity: 'الكمية',
    revenue: 'المبيعات',
    noProducts: 'لا مبيعات في هذه الفترة.',
    cta: 'افتح لوحة التحليلات',
    footer: 'تصلك هذه الرسالة لأنك فعّلت الملخص في إعدادات تحليلات سلة. يمكنك تغيير موعده أو إيقافه من الإعدادات: {url}',
    range: '{from} – {to}',
  },
  en: {
    subject: { daily: '{store} daily summary: {date}', weekly: '{store} weekly summary: {date}' },
    title: { daily: 'Yesterday at a glance', weekly: 'Last week at a glance' },
    greeting: (name: string | null) => (name ? `Hello ${name},` : 'Hello,'),
    intro: { daily: 'Here are {store}’s numbers for {date}, compared with the day before.', weekly: 'Here are {store}’s numbers for {date}, compared with the week before.' },
    metrics: { netSales: 'Net sales', orders: 'Orders', aov: 'Average order value', uniqueCustomers: 'Customers' },
    vs: 'vs {value}',
    noChange: 'no comparison',
    top: 'Top products',
    product: 'Product',
    quantity: 'Qty',
    revenue: 'Sales',
    noProducts: 'No sales in this period.',
    cta: 'Open your dashboard',
    footer: 'You get this email because you turned on the summary in Salla Analytics settings. Change its time or turn it off in Settings: {url}',
    range: '{from} – {to}',
  },
} as const;

/**
 * The daily / weekly digest: headline numbers with the previous-period comparison, top products,
 * a link to the dashboard. Arabic: dir="rtl", ar-SA digits and currency; English: en-SA.
 */
export function renderDigestEmail(model: DigestEmailModel): RenderedEmail {
  const t = TEXT[model.locale];
  const money = (minor: number) => formatMoney({ amountMinor: Math.round(minor), currency: model.currency }, model.locale);
  const dateLabel =
    model.kind === 'daily'
      ? formatLocalDate(model.period.fromDate, model.locale, true)
      : fill(t.range, { from: formatLocalDate(model.period.fromDate, model.locale), to: formatLocalDate(model.period.toDate, model.locale) });
  const values = { store: model.storeName, date: dateLabel };
  const cells = (['netSales', 'orders', 'aov', 'uniqueCustomers'] as const).map((key) => {
    const metric = model.metrics[key];
    const show = (value: number) => (key === 'netSales' || key === 'aov' ? money(value) : formatNumber(value, model.locale));
    const change = metric.previous ? (metric.value - metric.previous) / metric.previous : null;
    const color = change === null || change === 0 ? EMAIL_COLORS.muted : change > 0 ? EMAIL_COLORS.up : EMAIL_COLORS.down;
    const arrow = change === null || change === 0 ? '' : change > 0 ? '▲ ' : '▼ ';
    const changeText = change === null ? t.noChange : `${arrow}${formatNumber(change, model.locale, 'percent')}`;
    const previous = metric.previous === null ? '' : fill(t.vs, { value: show(metric.previous) });
    return {
      key,
      text: `${t.metrics[key]}: ${show(metric.value)} (${changeText}${previous ? `, ${previous}` : ''})`,
      html: `<td width="50%" valign="top" style="padding: 6px;"><div style="border: 1px solid ${EMAIL_COLORS.line}; border-radius: 10px; padding: 14px 16px;">
<div style="font-size: 13px; color: ${EMAIL_COLORS.muted};">${escapeHtml(t.metrics[key])}</div>
<div data-metric="${key}" style="font-size: 22px; font-weight: 700; margin: 4px 0; color: ${EMAIL_COLORS.ink};">${escapeHtml(show(metric.value))}</div>
<div style="font-size: 13px;"><span data-change="${key}" style="color: ${color}; font-weight: 600;">${escapeHtml(changeText)}</span> <span style="color: ${EMAIL_COLORS.muted};">${escapeHtml(previous)}</span></div>
</div></td>`,
    };
  });
  const grid = `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin: 8px 0 16px 0;"><tr>${cells[0]?.html}${cells[1]?.html}</tr><tr>${cells[2]?.html}${cells[3]?.html}</tr></table>`;
  const align = model.locale === 'ar' ? 'right' : 'left';
  const endAlign = model.locale === 'ar' ? 'left' : 'right';
  const products =
    model.topProducts.length === 0
      ? `<p style="color: ${EMAIL_COLORS.muted};">${escapeHtml(t.noProducts)}</p>`
      : `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse: collapse; font-size: 14px;">
<tr style="color: ${EMAIL_COLORS.muted}; font-size: 12px;"><th align="${align}" style="padding: 6px 0; border-bottom: 1px solid ${EMAIL_COLORS.line}; font-weight: 600;">${escapeHtml(t.product)}</th><th align="${endAlign}" style="padding: 6px 8px; border-bottom: 1px solid ${EMAIL_COLORS.line}; font-weight: 600;">${escapeHtml(t.quantity)}</th><th align="${endAlign}" style="padding: 6px 0; border-bottom: 1px solid ${EMAIL_COLORS.line}; font-weight: 600;">${escapeHtml(t.revenue)}</th></tr>
${model.topProducts
  .map(
    (product) =>
      `<tr><td align="${align}" style="padding: 8px 0; border-bottom: 1px solid ${EMAIL_COLORS.line};">${escapeHtml(product.name)}</td><td align="${endAlign}" style="padding: 8px; border-bottom: 1px solid ${EMAIL_COLORS.line};">${escapeHtml(formatNumber(product.quantity, model.locale))}</td><td align="${endAlign}" style="padding: 8px 0; border-bottom: 1px solid ${EMAIL_COLORS.line}; white-space: nowrap;">${escapeHtml(money(product.revenueMinor))}</td></tr>`,
  )
  .join('\n')}
</table>`;
  const body = `<p style="margin: 0 0 8px 0;">${escapeHtml(t.greeting(model.recipientName))}</p>
<p style="margin: 0 0 8px 0; color: ${EMAIL_COLORS.muted};">${escapeHtml(fill(t.intro[model.kind], values))}</p>
${grid}
<h2 style="font-size: 16px; margin: 8px 0;">${escapeHtml(t.top)}</h2>
${products}`;
  const footer = fill(t.footer, { url: model.settingsUrl });
  const subject = fill(t.subject[model.kind], values);
  return {
    subject,
    html: emailLayout({ locale: model.locale, preheader: cells[0]?.text ?? subject, title: t.title[model.kind], body, cta: { label: t.cta, url: model.dashboardUrl }, footer }),
    text: [
      t.greeting(model.recipientName),
      fill(t.intro[model.kind], values),
      ...cells.map((cell) => cell.text),
      `${t.top}:`,
      ...(model.topProducts.length === 0 ? [t.noProducts] : model.topProducts.map((p) => `- ${p.name}: ${formatNumber(p.quantity, model.locale)} · ${money(p.revenueMinor)}`)),
      `${t.cta}: ${model.dashboardUrl}`,
      footer,
    ].join('\n'),
  };
}
