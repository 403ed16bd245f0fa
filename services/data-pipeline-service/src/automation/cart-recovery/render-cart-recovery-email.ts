import { formatMoney } from '@salla-analytics/core-library';
import type { RecoveryCart } from '@salla-analytics/olap-repository';

export type RecoveryLocale = 'ar' | 'en';

export interface CartRecoveryEmailContent {
  subject: string;
  html: string;
  text: string;
}

const TEXT = {
  ar: {
    subject: (store: string) => `سلتك في ${store} بانتظارك`,
    greeting: (name: string) => (name ? `مرحباً ${name}،` : 'مرحباً،'),
    intro: (store: string) => `تركت بعض المنتجات في سلتك لدى ${store}. ما زالت محفوظة لك:`,
    total: 'الإجمالي',
    button: 'أكمل طلبك',
    outro: 'إذا كنت قد أتممت الطلب فتجاهل هذه الرسالة.',
  },
  en: {
    subject: (store: string) => `Your cart at ${store} is waiting`,
    greeting: (name: string) => (name ? `Hello ${name},` : 'Hello,'),
    intro: (store: string) => `You left some items in your cart at ${store}. We saved them for you:`,
    total: 'Total',
    button: 'Complete your order',
    outro: 'If you already placed the order, please ignore this email.',
  },
} as const;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Only http(s) links go into an email: anything else (javascript:, data:) is dropped. */
export function safeCheckoutUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

/**
 * The cart recovery email in the customer's language: the cart's items with their line totals,
 * the cart total and a button to Salla's checkout link. Arabic is right to left (`dir="rtl"`,
 * right-aligned cells); every value from the cart is HTML-escaped.
 */
export function renderCartRecoveryEmail(cart: RecoveryCart, locale: RecoveryLocale, storeName: string): CartRecoveryEmailContent {
  const t = TEXT[locale];
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const align = locale === 'ar' ? 'right' : 'left';
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: cart.currency }, locale);
  const checkoutUrl = safeCheckoutUrl(cart.checkoutUrl);
  const rows = cart.items
    .map(
      (item) =>
        `<tr><td style="padding:4px 0;text-align:${align}">${escapeHtml(item.name)} × ${item.quantity}</td>` +
        `<td style="padding:4px 0;text-align:${align === 'right' ? 'left' : 'right'}">${escapeHtml(money(item.totalMinor))}</td></tr>`,
    )
    .join('\n');
  const button = checkoutUrl
    ? `<p><a href="${escapeHtml(checkoutUrl)}" style="display:inline-block;background:#004d5a;color:#ffffff;padding:10px 20px;border-radius:6px;text-decoration:none">${t.button}</a></p>`
    : '';
  const html = [
    '<!doctype html>',
    `<html lang="${locale}" dir="${dir}"><body style="font-family: 'IBM Plex Sans Arabic', Arial, sans-serif; direction: ${dir}; text-align: ${align}">`,
    `<p>${escapeHtml(t.greeting(cart.name))}</p>`,
    `<p>${escapeHtml(t.intro(storeName))}</p>`,
    `<table dir="${dir}" style="width:100%;max-width:480px;border-collapse:collapse">`,
    rows,
    `<tr><td style="padding-top:8px;border-top:1px solid #ddd;text-align:${align}"><strong>${t.total}</strong></td>` +
      `<td style="padding-top:8px;border-top:1px solid #ddd;text-align:${align === 'right' ? 'left' : 'right'}"><strong>${escapeHtml(money(cart.totalMinor))}</strong></td></tr>`,
    '</table>',
    button,
    `<p>${t.outro}</p>`,
    '</body></html>',
  ].join('\n');
  const text = [
    t.greeting(cart.name),
    t.intro(storeName),
    ...cart.items.map((item) => `- ${item.name} × ${item.quantity}: ${money(item.totalMinor)}`),
    `${t.total}: ${money(cart.totalMinor)}`,
    ...(checkoutUrl ? [`${t.button}: ${checkoutUrl}`] : []),
    t.outro,
  ].join('\n\n');
  return { subject: t.subject(storeName), html, text };
}
