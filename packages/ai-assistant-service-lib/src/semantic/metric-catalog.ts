/**
 * The assistant's semantic layer: the metric definitions the dashboards use, written once in
 * Arabic and English, each tied to the `IAnalyticsRepository` call that computes it (`source`).
 * Planners map questions onto these ids; nobody writes SQL.
 */
export const OVERVIEW_METRIC_IDS = [
  'orders',
  'grossSales',
  'netSales',
  'canceledOrders',
  'refundedOrders',
  'aov',
  'uniqueCustomers',
] as const;
export const CART_METRIC_IDS = ['abandonedCarts', 'abandonedCartValue', 'recoveredCarts', 'cartRecoveryRate', 'valueAtRisk'] as const;
export const CUSTOMER_METRIC_IDS = ['newCustomers', 'returningCustomers'] as const;
export const METRIC_IDS = [...OVERVIEW_METRIC_IDS, ...CART_METRIC_IDS, ...CUSTOMER_METRIC_IDS] as const;

export type OverviewMetricId = (typeof OVERVIEW_METRIC_IDS)[number];
export type CartMetricId = (typeof CART_METRIC_IDS)[number];
export type CustomerMetricId = (typeof CUSTOMER_METRIC_IDS)[number];
export type MetricId = (typeof METRIC_IDS)[number];
export type MetricUnit = 'count' | 'minor_units' | 'ratio';

/** Which repository call computes a metric. */
export type MetricSource = 'getRevenueOverview' | 'getAbandonedCartSummary' | 'getNewVsReturning';

export interface MetricDefinition {
  id: MetricId;
  source: MetricSource;
  unit: MetricUnit;
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
    source: 'getRevenueOverview',
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
    source: 'getRevenueOverview',
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
    source: 'getRevenueOverview',
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
    source: 'getRevenueOverview',
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
    source: 'getRevenueOverview',
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
    source: 'getRevenueOverview',
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
    source: 'getRevenueOverview',
    unit: 'count',
    higherIsBetter: true,
    label: { ar: 'العملاء', en: 'Customers' },
    definition: {
      ar: 'عدد العملاء المختلفين الذين لديهم طلبات في الفترة.',
      en: 'Distinct customers with orders in the period.',
    },
    synonyms: { ar: ['العملاء', 'عدد العملاء', 'الزبائن'], en: ['customers', 'unique customers', 'buyers'] },
  },
  {
    id: 'abandonedCarts',
    source: 'getAbandonedCartSummary',
    unit: 'count',
    higherIsBetter: false,
    label: { ar: 'السلات المتروكة', en: 'Abandoned carts' },
    definition: {
      ar: 'عدد السلات التي أضاف فيها العميل منتجات ولم يُكمل الطلب، وتاريخ تركها ضمن الفترة.',
      en: 'Carts a shopper filled but did not check out, abandoned within the period.',
    },
    synonyms: { ar: ['سلات متروكة', 'سلة متروكة', 'السلال المتروكة', 'سلات مهجورة'], en: ['abandoned carts', 'cart abandonment', 'left carts'] },
  },
  {
    id: 'abandonedCartValue',
    source: 'getAbandonedCartSummary',
    unit: 'minor_units',
    higherIsBetter: false,
    label: { ar: 'قيمة السلات المتروكة', en: 'Abandoned cart value' },
    definition: {
      ar: 'مجموع قيمة السلات المتروكة في الفترة.',
      en: 'Total value of the carts abandoned in the period.',
    },
    synonyms: { ar: ['قيمة السلات', 'قيمة السلات المتروكة'], en: ['abandoned cart value', 'cart value'] },
  },
  {
    id: 'recoveredCarts',
    source: 'getAbandonedCartSummary',
    unit: 'count',
    higherIsBetter: true,
    label: { ar: 'السلات المستعادة', en: 'Recovered carts' },
    definition: {
      ar: 'السلات المتروكة التي استُعيدت: بحملة استعادة، أو اشترى صاحبها خلال 7 أيام من تركها.',
      en: 'Abandoned carts recovered by a recovery campaign or whose shopper purchased within 7 days of abandoning them.',
    },
    synonyms: { ar: ['السلات المستعادة', 'استعادة السلات', 'السلات المسترجعة'], en: ['recovered carts', 'recovered'] },
  },
  {
    id: 'cartRecoveryRate',
    source: 'getAbandonedCartSummary',
    unit: 'ratio',
    higherIsBetter: true,
    label: { ar: 'نسبة استعادة السلات', en: 'Cart recovery rate' },
    definition: {
      ar: 'السلات المستعادة مقسومة على السلات المتروكة في الفترة.',
      en: 'Recovered carts divided by the carts abandoned in the period.',
    },
    synonyms: { ar: ['نسبة الاستعادة', 'معدل استعادة السلات'], en: ['recovery rate', 'cart recovery rate'] },
  },
  {
    id: 'valueAtRisk',
    source: 'getAbandonedCartSummary',
    unit: 'minor_units',
    higherIsBetter: false,
    label: { ar: 'القيمة المعرضة للخسارة', en: 'Value at risk' },
    definition: {
      ar: 'قيمة السلات المتروكة التي لم تُستعد بعد.',
      en: 'Value of the abandoned carts not (yet) recovered.',
    },
    synonyms: { ar: ['القيمة المعرضة للخسارة', 'المبلغ الضائع'], en: ['value at risk', 'lost cart value'] },
  },
  {
    id: 'newCustomers',
    source: 'getNewVsReturning',
    unit: 'count',
    higherIsBetter: true,
    label: { ar: 'العملاء الجدد', en: 'New customers' },
    definition: {
      ar: 'العملاء الذين كان أول شراء لهم على الإطلاق ضمن الفترة.',
      en: 'Customers whose first purchase ever falls in the period.',
    },
    synonyms: { ar: ['عملاء جدد', 'زبائن جدد'], en: ['new customers', 'first-time buyers'] },
  },
  {
    id: 'returningCustomers',
    source: 'getNewVsReturning',
    unit: 'count',
    higherIsBetter: true,
    label: { ar: 'العملاء العائدون', en: 'Returning customers' },
    definition: {
      ar: 'العملاء الذين اشتروا قبل الفترة ثم اشتروا مرة أخرى خلالها.',
      en: 'Customers who had purchased before the period and bought again in it.',
    },
    synonyms: { ar: ['عملاء عائدون', 'العملاء المتكررون', 'رجعوا يشترون'], en: ['returning customers', 'repeat customers'] },
  },
];

export function getMetricDefinition(id: MetricId): MetricDefinition {
  const found = METRIC_CATALOG.find((metric) => metric.id === id);
  if (!found) throw new Error(`Unknown metric ${id}`);
  return found;
}
