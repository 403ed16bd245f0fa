import { type PeriodPreset, SALLA_ORDER_STATUSES } from '@salla-analytics/core-library';
import { CITY_NAMES, PAYMENT_METHOD_NAMES } from '../semantic/dimensions.js';
import type { AnswerLanguage } from './answer.js';

export const PRESET_LABELS: Record<PeriodPreset, { ar: string; en: string }> = {
  today: { ar: 'اليوم', en: 'today' },
  yesterday: { ar: 'أمس', en: 'yesterday' },
  last_7_days: { ar: 'آخر 7 أيام', en: 'the last 7 days' },
  last_30_days: { ar: 'آخر 30 يومًا', en: 'the last 30 days' },
  this_week: { ar: 'هذا الأسبوع', en: 'this week' },
  last_week: { ar: 'الأسبوع الماضي', en: 'last week' },
  this_month: { ar: 'هذا الشهر', en: 'this month' },
  last_month: { ar: 'الشهر الماضي', en: 'last month' },
  this_quarter: { ar: 'هذا الربع', en: 'this quarter' },
  last_quarter: { ar: 'الربع الماضي', en: 'last quarter' },
  this_year: { ar: 'هذه السنة', en: 'this year' },
  last_year: { ar: 'السنة الماضية', en: 'last year' },
  custom: { ar: 'الفترة', en: 'the period' },
};

const STATUS_EN: Record<string, string> = {
  payment_pending: 'Payment pending',
  under_review: 'Under review',
  in_progress: 'In progress',
  shipped: 'Shipped',
  delivering: 'Delivering',
  delivered: 'Delivered',
  completed: 'Completed',
  canceled: 'Canceled',
  restoring: 'Being refunded',
  restored: 'Refunded',
  refunded: 'Refunded',
};

/** A breakdown key as the merchant reads it. Keys come from data: they are shown, never interpreted. */
export function keyLabel(dimension: string, key: string, lang: AnswerLanguage): string {
  if (key === '') return lang === 'ar' ? 'غير محدد' : 'Unknown';
  if (dimension === 'payment_method') {
    const method = PAYMENT_METHOD_NAMES.find((p) => p.value === key);
    return method ? method[lang] : key;
  }
  if (dimension === 'status') {
    const status = (SALLA_ORDER_STATUSES as Record<string, { name: string } | undefined>)[key];
    return lang === 'ar' ? (status?.name ?? key) : (STATUS_EN[key] ?? key);
  }
  if (dimension === 'city' && lang === 'en') return CITY_NAMES.find((c) => c.value === key)?.en ?? key;
  if (dimension === 'customer_type') {
    return key === 'new' ? (lang === 'ar' ? 'عملاء جدد' : 'New customers') : lang === 'ar' ? 'عملاء عائدون' : 'Returning customers';
  }
  return key;
}

export const SEGMENT_LABELS: Record<string, { ar: string; en: string }> = {
  champions: { ar: 'الأبطال', en: 'Champions' },
  loyal: { ar: 'الأوفياء', en: 'Loyal' },
  potential_loyalists: { ar: 'أوفياء محتملون', en: 'Potential loyalists' },
  new_customers: { ar: 'عملاء جدد', en: 'New customers' },
  promising: { ar: 'واعدون', en: 'Promising' },
  need_attention: { ar: 'يحتاجون اهتمامًا', en: 'Need attention' },
  about_to_sleep: { ar: 'على وشك الخمول', en: 'About to sleep' },
  cant_lose: { ar: 'لا يمكن خسارتهم', en: "Can't lose" },
  at_risk: { ar: 'معرضون للخسارة', en: 'At risk' },
  hibernating: { ar: 'خاملون', en: 'Hibernating' },
  lost: { ar: 'مفقودون', en: 'Lost' },
};
