import type { Bilingual } from '../tables/table-file.js';

/**
 * The fields an order-history file can fill, with the header names other platforms use for them
 * (Shopify's orders export, Zid's Arabic export, Salla's own, generic sheets). A file has one row
 * per order, or one row per line item with the order's fields repeated or only on its first row.
 */
export const IMPORT_FIELDS = [
  'order_number',
  'order_date',
  'total',
  'status',
  'currency',
  'subtotal',
  'shipping',
  'tax',
  'discount',
  'payment_method',
  'customer_email',
  'customer_name',
  'customer_mobile',
  'city',
  'item_name',
  'item_sku',
  'item_quantity',
  'item_price',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['order_number', 'order_date', 'total'];

export const IMPORT_FIELD_LABELS: Record<ImportField, Bilingual> = {
  order_number: { ar: 'رقم الطلب', en: 'Order number' },
  order_date: { ar: 'تاريخ الطلب', en: 'Order date' },
  total: { ar: 'إجمالي الطلب', en: 'Order total' },
  status: { ar: 'حالة الطلب', en: 'Status' },
  currency: { ar: 'العملة', en: 'Currency' },
  subtotal: { ar: 'المجموع الفرعي', en: 'Subtotal' },
  shipping: { ar: 'الشحن', en: 'Shipping' },
  tax: { ar: 'الضريبة', en: 'Tax' },
  discount: { ar: 'الخصم', en: 'Discount' },
  payment_method: { ar: 'طريقة الدفع', en: 'Payment method' },
  customer_email: { ar: 'بريد العميل', en: 'Customer email' },
  customer_name: { ar: 'اسم العميل', en: 'Customer name' },
  customer_mobile: { ar: 'جوال العميل', en: 'Customer mobile' },
  city: { ar: 'المدينة', en: 'City' },
  item_name: { ar: 'اسم المنتج', en: 'Product name' },
  item_sku: { ar: 'رمز المنتج (SKU)', en: 'Product SKU' },
  item_quantity: { ar: 'الكمية', en: 'Quantity' },
  item_price: { ar: 'سعر الوحدة', en: 'Unit price' },
};

// Normalized header names (see normalizeHeader) per field, most specific first.
const SYNONYMS: Record<ImportField, readonly string[]> = {
  order_number: ['order number', 'order id', 'order no', 'order', 'name', 'order name', 'رقم الطلب', 'الطلب', 'معرف الطلب', 'رقم الفاتوره'],
  order_date: ['created at', 'order date', 'date', 'created', 'تاريخ الطلب', 'التاريخ', 'تاريخ الانشاء'],
  total: ['total', 'order total', 'grand total', 'total price', 'الاجمالي', 'اجمالي الطلب', 'المجموع', 'المبلغ الاجمالي'],
  status: ['financial status', 'order status', 'status', 'حاله الطلب', 'الحاله'],
  currency: ['currency', 'العمله'],
  subtotal: ['subtotal', 'sub total', 'المجموع الفرعي'],
  shipping: ['shipping', 'shipping cost', 'الشحن', 'تكلفه الشحن', 'رسوم الشحن'],
  tax: ['taxes', 'tax', 'vat', 'الضريبه', 'ضريبه القيمه المضافه'],
  discount: ['discount amount', 'discount', 'الخصم', 'قيمه الخصم'],
  payment_method: ['payment method', 'gateway', 'payment', 'طريقه الدفع'],
  customer_email: ['email', 'customer email', 'البريد الالكتروني', 'بريد العميل'],
  customer_name: ['customer name', 'billing name', 'customer', 'اسم العميل', 'العميل'],
  customer_mobile: ['phone', 'mobile', 'billing phone', 'customer phone', 'الجوال', 'رقم الجوال', 'جوال العميل', 'الهاتف'],
  city: ['billing city', 'shipping city', 'city', 'المدينه'],
  item_name: ['lineitem name', 'product name', 'item name', 'product', 'اسم المنتج', 'المنتج'],
  item_sku: ['lineitem sku', 'sku', 'رمز المنتج', 'رمز المنتج sku'],
  item_quantity: ['lineitem quantity', 'quantity', 'qty', 'الكميه'],
  item_price: ['lineitem price', 'unit price', 'price', 'سعر الوحده', 'السعر'],
};

/**
 * A header reduced for matching: lower case, Arabic letter variants folded (أإآ→ا, ة→ه, ى→ي),
 * diacritics and tatweel removed, punctuation and underscores as spaces.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ى/g, 'ي')
    .replace(/[_\-./:()#]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Column index per field (absent = not in the file). */
export type ImportMapping = Partial<Record<ImportField, number>>;

/**
 * Suggests which column fills which field from the headers (Arabic or English): exact synonyms
 * first, then headers that contain a synonym; each column is used once.
 */
export function suggestImportMapping(headers: readonly string[]): ImportMapping {
  const normalized = headers.map(normalizeHeader);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of IMPORT_FIELDS) {
      if (mapping[field] !== undefined) continue;
      for (const synonym of SYNONYMS[field]) {
        const index = normalized.findIndex(
          (header, i) => !used.has(i) && header !== '' && (pass === 'exact' ? header === synonym : synonym.length > 3 && header.includes(synonym)),
        );
        if (index >= 0) {
          mapping[field] = index;
          used.add(index);
          break;
        }
      }
    }
  }
  return mapping;
}

/** Where the file comes from, by its headers: part of every imported order's key (source + number). */
export function detectImportSource(headers: readonly string[]): 'shopify' | 'zid' | 'file' {
  const normalized = new Set(headers.map(normalizeHeader));
  if (normalized.has('financial status') || normalized.has('lineitem name')) return 'shopify';
  if (headers.some((header) => /[\u0600-\u06FF]/.test(header))) return 'zid';
  return 'file';
}
