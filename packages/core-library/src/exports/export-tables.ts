import { z } from 'zod';
import type { Bilingual, TableColumn } from '../tables/table-file.js';

/**
 * Every table view of the PWA that can be exported, with its columns (Arabic and English headers).
 * Values come from IAnalyticsRepository (olap-repository's exportTableRows): money in minor units,
 * shares 0..1, dates as instants written in the store's time zone.
 */
export const EXPORT_TABLES = ['products', 'categories', 'sales_breakdown', 'rfm_segments', 'rfm_members', 'segment_members', 'carts'] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Exports of more rows than this run as a background job in the pipeline; smaller ones at once. */
export const EXPORT_DIRECT_ROW_LIMIT = 2_000;
/** The most rows one export may hold. */
export const EXPORT_MAX_ROWS = 200_000;
/** The job type of a background export (jobs table). */
export const EXPORT_JOB_TYPE = 'export.table';

const col = (key: string, kind: TableColumn['kind'], ar: string, en: string): TableColumn => ({ key, kind, header: { ar, en } });

export const EXPORT_TABLE_COLUMNS: Record<ExportTable, readonly TableColumn[]> = {
  products: [
    col('rank', 'integer', 'الترتيب', 'Rank'),
    col('product_id', 'integer', 'رقم المنتج', 'Product ID'),
    col('name', 'text', 'المنتج', 'Product'),
    col('sku', 'text', 'رمز المنتج (SKU)', 'SKU'),
    col('quantity', 'integer', 'الكمية المباعة', 'Units sold'),
    col('orders', 'integer', 'الطلبات', 'Orders'),
    col('revenue', 'money', 'الإيرادات', 'Revenue'),
  ],
  categories: [
    col('category', 'text', 'التصنيف', 'Category'),
    col('products', 'integer', 'المنتجات', 'Products'),
    col('quantity', 'integer', 'الكمية المباعة', 'Units sold'),
    col('orders', 'integer', 'الطلبات', 'Orders'),
    col('revenue', 'money', 'الإيرادات', 'Revenue'),
  ],
  sales_breakdown: [
    col('key', 'text', 'القيمة', 'Value'),
    col('orders', 'integer', 'الطلبات', 'Orders'),
    col('gross_sales', 'money', 'إجمالي المبيعات', 'Gross sales'),
    col('net_sales', 'money', 'صافي المبيعات', 'Net sales'),
    col('canceled_orders', 'integer', 'الطلبات الملغاة', 'Canceled orders'),
    col('share', 'percent', 'الحصة من صافي المبيعات (%)', 'Share of net sales (%)'),
  ],
  rfm_segments: [
    col('segment', 'text', 'الشريحة', 'Segment'),
    col('customers', 'integer', 'العملاء', 'Customers'),
    col('share', 'percent', 'الحصة (%)', 'Share (%)'),
    col('avg_recency_days', 'decimal', 'متوسط الأيام منذ آخر طلب', 'Avg. days since last order'),
    col('avg_frequency', 'decimal', 'متوسط عدد الطلبات', 'Avg. orders'),
    col('avg_monetary', 'money', 'متوسط الإنفاق', 'Avg. spend'),
    col('total_monetary', 'money', 'إجمالي الإنفاق', 'Total spend'),
  ],
  rfm_members: [
    col('customer_id', 'integer', 'رقم العميل', 'Customer ID'),
    col('segment', 'text', 'الشريحة', 'Segment'),
    col('recency_days', 'integer', 'الأيام منذ آخر طلب', 'Days since last order'),
    col('frequency', 'integer', 'عدد الطلبات', 'Orders'),
    col('monetary', 'money', 'الإنفاق', 'Spend'),
    col('r', 'integer', 'R', 'R'),
    col('f', 'integer', 'F', 'F'),
    col('m', 'integer', 'M', 'M'),
  ],
  segment_members: [
    col('customer_id', 'integer', 'رقم العميل', 'Customer ID'),
    col('name', 'text', 'الاسم', 'Name'),
    col('email', 'text', 'البريد الإلكتروني', 'Email'),
    col('city', 'text', 'المدينة', 'City'),
    col('orders', 'integer', 'عدد الطلبات', 'Orders'),
    col('spend', 'money', 'الإنفاق', 'Spend'),
    col('last_order_at', 'datetime', 'آخر طلب', 'Last order'),
    col('rfm_segment', 'text', 'شريحة RFM', 'RFM segment'),
  ],
  carts: [
    col('from', 'date', 'من', 'From'),
    col('to', 'date', 'إلى', 'To'),
    col('carts', 'integer', 'السلات المتروكة', 'Abandoned carts'),
    col('value', 'money', 'قيمة السلات', 'Cart value'),
    col('recovered_carts', 'integer', 'السلات المستردة', 'Recovered carts'),
    col('recovered_value', 'money', 'القيمة المستردة', 'Recovered value'),
    col('value_at_risk', 'money', 'القيمة المعرضة للخسارة', 'Value at risk'),
    col('recovery_rate', 'percent', 'نسبة الاسترداد (%)', 'Recovery rate (%)'),
  ],
};

export const EXPORT_TABLE_TITLES: Record<ExportTable, Bilingual> = {
  products: { ar: 'المنتجات الأكثر مبيعًا', en: 'Top products' },
  categories: { ar: 'التصنيفات', en: 'Categories' },
  sales_breakdown: { ar: 'توزيع المبيعات', en: 'Sales breakdown' },
  rfm_segments: { ar: 'شرائح العملاء (RFM)', en: 'Customer segments (RFM)' },
  rfm_members: { ar: 'عملاء الشريحة', en: 'Segment members' },
  segment_members: { ar: 'أعضاء الشريحة المخصصة', en: 'Custom segment members' },
  carts: { ar: 'السلات المتروكة', en: 'Abandoned carts' },
};

/** The view's own filters, per table (the period travels separately, resolved). */
export const exportFiltersSchema = z.strictObject({
  sortBy: z.enum(['revenue', 'quantity']).optional(),
  dimension: z.enum(['payment_method', 'city', 'status']).optional(),
  segment: z.string().min(1).max(40).optional(),
  /** segment_members: the segment's filters (olap-repository's segmentFiltersSchema) and the instant they are judged at. */
  segmentFilters: z.record(z.string(), z.unknown()).optional(),
  asOf: z.iso.datetime({ offset: true }).optional(),
});
export type ExportFilters = z.infer<typeof exportFiltersSchema>;

/**
 * One export as the job runs it: the table, format and language, the view's filters and the period
 * already resolved in the store's time zone (so a job run later exports exactly what was on screen).
 */
export const exportSpecSchema = z.strictObject({
  table: z.enum(EXPORT_TABLES),
  format: z.enum(EXPORT_FORMATS),
  locale: z.enum(['ar', 'en']),
  filters: exportFiltersSchema,
  period: z.strictObject({
    from: z.coerce.date(),
    to: z.coerce.date(),
    fromDate: z.string(),
    toDate: z.string(),
    timeZone: z.string(),
    preset: z.string(),
  }),
  currency: z.string().length(3),
  storeName: z.string().max(200),
});
export type ExportSpec = z.infer<typeof exportSpecSchema>;

/** The download's file name: `products_2026-10-01_2026-10-31.csv` (ASCII, safe in any header). */
export function exportFileName(spec: Pick<ExportSpec, 'table' | 'format' | 'period' | 'filters'>): string {
  const extra = spec.filters.dimension ?? spec.filters.segment ?? '';
  const safe = extra.replace(/[^a-z0-9_-]/gi, '');
  return `${spec.table}${safe ? `_${safe}` : ''}_${spec.period.fromDate}_${spec.period.toDate}.${spec.format}`;
}
