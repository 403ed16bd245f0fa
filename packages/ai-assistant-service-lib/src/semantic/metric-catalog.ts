/**
 * The assistant's semantic layer starts from the metric definitions the dashboards use, written
 * once in Arabic and English. The planner (a later capability) maps questions onto these ids and
 * answers through `IAnalyticsRepository`; it never writes SQL.
 */
export type MetricId =
  | 'orders'
  | 'grossSales'
  | 'netSales'
  | 'canceledOrders'
  | 'refundedOrders'
  | 'aov'
  | 'uniqueCustomers';

export interface MetricDefinition {
  id: MetricId;
  unit: 'count' | 'minor_units';
  /** Whether a rise is good news (false for cancellations and refunds). */
  higherIsBetter: boolean;
  label: { ar: string; en: string };
  definition: { ar: string; en: string };
  /** Words merchants use for it, for retrieval. */
  synonyms: { ar: string[]; en: string[] };
}

export const METRIC_CATALOG: readonly MetricDefinition[] = [
  {
    id: 'orders',
    unit: 'count',
    higherIsBetter: true,
    label: { ar: 'الطلبات', en: 'Orders' },
    definition: {
      ar: 'عدد الطلبات المختلفة التي يقع تاريخها ضمن الفترة بتوقيت المتجر، دون الطلبات المحذوفة.',
      en: 'Distinct orders whose order date falls in the period (store time zone), excluding deleted orders.',
    },
    synonyms: { ar: ['طلبات', 'عدد الطلبات', 'اوردرات'], en: ['orders', 'order count', 'number of orders'] },
  },
  {
    id: 'grossSales',
    unit: 'minor_units',
    higherIsBetter: true,
    label: { ar: 'إجمالي المبيعات', en: 'Gross sales' },
    definition: {
      ar: 'مجموع إجمالي مبالغ تلك الطلبات (amounts.total) شاملًا الشحن والضريبة وبعد الخصومات.',
      en: "Sum of those orders' totals (amounts.total), including shipping and tax, after discounts.",
    },
    synonyms: { ar: ['المبيعات', 'الإيرادات', 'اجمالي المبيعات', 'الدخل'], en: ['gross sales', 'revenue', 'sales', 'turnover'] },
  },
  {
    id: 'netSales',
    unit: 'minor_units',
    higherIsBetter: true,
    label: { ar: 'صافي المبيعات', en: 'Net sales' },
    definition: {
      ar: 'إجمالي المبيعات مطروحًا منه مبالغ الطلبات الملغاة والمسترجعة.',
      en: 'Gross sales minus the totals of canceled and refunded orders.',
    },
    synonyms: { ar: ['صافي المبيعات', 'الصافي', 'صافي الدخل'], en: ['net sales', 'net revenue'] },
  },
  {
    id: 'canceledOrders',
    unit: 'count',
    higherIsBetter: false,
    label: { ar: 'الطلبات الملغاة', en: 'Canceled orders' },
    definition: {
      ar: 'الطلبات التي آخر حالة لها "ملغي".',
      en: 'Orders whose latest status is canceled.',
    },
    synonyms: { ar: ['الملغاة', 'الغاء', 'طلبات ملغية'], en: ['canceled orders', 'cancellations', 'cancelled'] },
  },
  {
    id: 'refundedOrders',
    unit: 'count',
    higherIsBetter: false,
    label: { ar: 'الطلبات المسترجعة', en: 'Refunded orders' },
    definition: {
      ar: 'الطلبات التي آخر حالة لها "مسترجع" أو "قيد الاسترجاع".',
      en: 'Orders whose latest status is refunded (restored) or being restored.',
    },
    synonyms: { ar: ['المسترجعة', 'مرتجعات', 'استرجاع'], en: ['refunds', 'refunded orders', 'returns'] },
  },
  {
    id: 'aov',
    unit: 'minor_units',
    higherIsBetter: true,
    label: { ar: 'متوسط قيمة الطلب', en: 'Average order value' },
    definition: {
      ar: 'صافي المبيعات مقسومًا على عدد الطلبات غير الملغاة وغير المسترجعة.',
      en: 'Net sales divided by the orders that were neither canceled nor refunded.',
    },
    synonyms: { ar: ['متوسط الطلب', 'متوسط قيمة السلة', 'متوسط السلة'], en: ['aov', 'average order value', 'basket size'] },
  },
  {
    id: 'uniqueCustomers',
    unit: 'count',
    higherIsBetter: true,
    label: { ar: 'العملاء', en: 'Customers' },
    definition: {
      ar: 'عدد العملاء المختلفين الذين لديهم طلبات في الفترة.',
      en: 'Distinct customers with orders in the period.',
    },
    synonyms: { ar: ['العملاء', 'عدد العملاء', 'الزبائن'], en: ['customers', 'unique customers', 'buyers'] },
  },
];

export function getMetricDefinition(id: MetricId): MetricDefinition {
  const found = METRIC_CATALOG.find((metric) => metric.id === id);
  if (!found) throw new Error(`Unknown metric ${id}`);
  return found;
}
