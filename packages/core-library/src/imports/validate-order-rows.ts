import { AppError } from '../errors/app-error.js';
import { currencyCodeSchema } from '../money/currency.js';
import { toMinorUnits } from '../money/to-minor-units.js';
import { normalizeDecimalString } from '../money/normalize-decimal.js';
import { parseSallaDateString } from '../salla/salla-date.js';
import type { Bilingual } from '../tables/table-file.js';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField, type ImportMapping, normalizeHeader, REQUIRED_IMPORT_FIELDS } from './order-import-fields.js';
import type { RawCell, RawTable } from './read-table-file.js';

/** The most line items one imported order may have. */
export const IMPORT_MAX_ITEMS_PER_ORDER = 99;

export const IMPORT_ERROR_CODES = [
  'required',
  'invalid_date',
  'future_date',
  'invalid_amount',
  'negative_amount',
  'invalid_currency',
  'invalid_quantity',
  'unknown_status',
  'conflicting_value',
  'too_many_items',
  'order_rejected',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** Why one row cannot be imported: spreadsheet row number (header = row 1), column, reason in both languages. */
export interface ImportRowError {
  row: number;
  /** The file's header of the column, or '' when the reason is not one cell's. */
  column: string;
  field: ImportField | null;
  code: ImportErrorCode;
  message: Bilingual;
}

export interface ImportedOrderItem {
  name: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

/** One order read from the file, checked and in minor units. */
export interface ImportedOrder {
  /** The order's number in its source platform (with '#' and spaces stripped). */
  externalId: string;
  createdAt: Date;
  status: string;
  currency: string;
  totalMinor: number;
  subtotalMinor: number | null;
  shippingMinor: number | null;
  taxMinor: number | null;
  discountMinor: number | null;
  paymentMethod: string;
  customer: { email: string; name: string; mobile: string; city: string };
  items: ImportedOrderItem[];
  /** Spreadsheet rows of the order. */
  rows: number[];
}

export interface ImportValidation {
  rows: number;
  orders: ImportedOrder[];
  rejectedOrders: number;
  errors: ImportRowError[];
  /** Sum of the valid orders' totals per currency, in minor units. */
  totalsMinor: Record<string, number>;
}

export interface ValidateOptions {
  /** Dates without a zone are the store's wall time. */
  timeZone: string;
  /** When the file has no currency column. */
  defaultCurrency: string;
  /** Dates after this are refused (default: now + 1 day). */
  now?: Date;
}

// Status words of other platforms (normalized like headers) → Salla status slugs.
const STATUS_SLUGS: Record<string, string> = {
  paid: 'completed',
  completed: 'completed',
  complete: 'completed',
  fulfilled: 'completed',
  'تم التنفيذ': 'completed',
  مكتمل: 'completed',
  delivered: 'delivered',
  'تم التوصيل': 'delivered',
  shipped: 'shipped',
  'تم الشحن': 'shipped',
  pending: 'payment_pending',
  'payment pending': 'payment_pending',
  'بانتظار الدفع': 'payment_pending',
  authorized: 'under_review',
  'under review': 'under_review',
  'بانتظار المراجعه': 'under_review',
  processing: 'in_progress',
  'in progress': 'in_progress',
  'قيد التنفيذ': 'in_progress',
  'partially refunded': 'completed',
  refunded: 'refunded',
  restored: 'refunded',
  مسترجع: 'refunded',
  cancelled: 'canceled',
  canceled: 'canceled',
  voided: 'canceled',
  ملغي: 'canceled',
  ملغى: 'canceled',
};

// The order's own fields (everything but its number and its lines).
const ORDER_FIELDS: readonly ImportField[] = IMPORT_FIELDS.filter((field) => field !== 'order_number' && !field.startsWith('item_'));

/** Throws VALIDATION_FAILED when a required field has no column or a column is used twice. */
export function assertImportMapping(mapping: ImportMapping, headers: readonly string[]): void {
  const missing = REQUIRED_IMPORT_FIELDS.filter((field) => mapping[field] === undefined);
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Map a column to: ${missing.map((field) => IMPORT_FIELD_LABELS[field].en).join(', ')}`);
  }
  const seen = new Set<number>();
  for (const [field, index] of Object.entries(mapping)) {
    if (index === undefined) continue;
    if (!Number.isInteger(index) || index < 0 || index >= headers.length) throw new AppError('VALIDATION_FAILED', `Field ${field} points at no column`);
    if (seen.has(index)) throw new AppError('VALIDATION_FAILED', `Column "${headers[index]}" is mapped to two fields`);
    seen.add(index);
  }
}

/**
 * Checks every row before anything is imported. Rows are grouped into orders by order number (a
 * file may have one row per line item; the order's own fields may repeat or sit on the first row
 * only). A bad row rejects its whole order (never half an order): each bad cell is reported with
 * its row, column and reason, and the order's other rows are reported as `order_rejected`.
 */
export function validateOrderRows(table: RawTable, mapping: ImportMapping, options: ValidateOptions): ImportValidation {
  assertImportMapping(mapping, table.headers);
  const latest = (options.now ?? new Date()).getTime() + 86_400_000;
  const header = (field: ImportField) => (mapping[field] === undefined ? '' : (table.headers[mapping[field]] ?? ''));
  const cell = (row: RawCell[], field: ImportField): RawCell => (mapping[field] === undefined ? '' : (row[mapping[field]] ?? ''));
  const errors: ImportRowError[] = [];
  const groups = new Map<string, { rows: Array<{ number: number; cells: RawCell[] }>; bad: boolean }>();
  const fail = (row: number, field: ImportField | null, code: ImportErrorCode, message: Bilingual) => {
    errors.push({ row, column: field ? header(field) : '', field, code, message });
  };

  table.rows.forEach((cells, index) => {
    const number = index + 2;
    const raw = cell(cells, 'order_number');
    const externalId = (raw instanceof Date ? raw.toISOString() : raw).replace(/^#/, '').trim();
    if (externalId === '') {
      fail(number, 'order_number', 'required', { ar: 'رقم الطلب فارغ', en: 'The order number is empty' });
      return;
    }
    const group = groups.get(externalId) ?? { rows: [], bad: false };
    group.rows.push({ number, cells });
    groups.set(externalId, group);
  });

  const orders: ImportedOrder[] = [];
  let rejectedOrders = 0;
  const totalsMinor: Record<string, number> = {};
  for (const [externalId, group] of groups) {
    const before = errors.length;
    // The order's own fields: the first non-empty value; a different one later is a conflict.
    const values = new Map<ImportField, { value: RawCell; row: number }>();
    for (const { number, cells } of group.rows) {
      for (const field of ORDER_FIELDS) {
        const value = cell(cells, field);
        if (value === '') continue;
        const first = values.get(field);
        if (!first) values.set(field, { value, row: number });
        else if (textOf(first.value) !== textOf(value)) {
          fail(number, field, 'conflicting_value', {
            ar: `قيمة مختلفة عن الصف ${first.row} لنفس الطلب`,
            en: `Differs from row ${first.row} of the same order`,
          });
        }
      }
    }
    const firstRow = group.rows[0]?.number ?? 0;
    const rowOf = (field: ImportField) => values.get(field)?.row ?? firstRow;
    const text = (field: ImportField) => textOf(values.get(field)?.value ?? '');

    const currencyText = text('currency') || options.defaultCurrency;
    const currencyParsed = currencyCodeSchema.safeParse(currencyText);
    if (!currencyParsed.success) {
      fail(rowOf('currency'), 'currency', 'invalid_currency', { ar: `العملة "${currencyText}" غير صحيحة (مثال: SAR)`, en: `"${currencyText}" is not a currency code (e.g. SAR)` });
    }
    const currency = currencyParsed.success ? currencyParsed.data : options.defaultCurrency;

    let createdAt: Date | undefined;
    const dateValue = values.get('order_date')?.value;
    if (dateValue === undefined) fail(firstRow, 'order_date', 'required', { ar: 'تاريخ الطلب فارغ', en: 'The order date is empty' });
    else {
      createdAt = dateValue instanceof Date ? parseExcelDate(dateValue, options.timeZone) : parseSallaDateString(dateValue, options.timeZone);
      if (createdAt === undefined) {
        fail(rowOf('order_date'), 'order_date', 'invalid_date', {
          ar: `"\u2068${textOf(dateValue)}\u2069" ليس تاريخًا مفهومًا (مثال: \u20662026-03-14 18:30\u2069)`,
          en: `"${textOf(dateValue)}" is not a date we can read (e.g. 2026-03-14 18:30)`,
        });
      } else if (createdAt.getTime() > latest) {
        fail(rowOf('order_date'), 'order_date', 'future_date', { ar: 'التاريخ في المستقبل', en: 'The date is in the future' });
      }
    }

    const amount = (field: ImportField, required: boolean): number | null => {
      const raw = text(field);
      if (raw === '') {
        if (required) fail(firstRow, field, 'required', { ar: `${IMPORT_FIELD_LABELS[field].ar} فارغ`, en: `${IMPORT_FIELD_LABELS[field].en} is empty` });
        return null;
      }
      const minor = parseAmount(raw, currency);
      if (minor === undefined) {
        fail(rowOf(field), field, 'invalid_amount', { ar: `"${raw}" ليس مبلغًا صحيحًا`, en: `"${raw}" is not an amount` });
        return null;
      }
      if (minor < 0) {
        fail(rowOf(field), field, 'negative_amount', { ar: 'المبلغ سالب', en: 'The amount is negative' });
        return null;
      }
      return minor;
    };
    const totalMinor = amount('total', true);
    const subtotalMinor = amount('subtotal', false);
    const shippingMinor = amount('shipping', false);
    const taxMinor = amount('tax', false);
    const discountMinor = amount('discount', false);

    let status = 'completed';
    const statusText = text('status');
    if (statusText !== '') {
      const slug = STATUS_SLUGS[normalizeHeader(statusText)];
      if (slug === undefined) {
        fail(rowOf('status'), 'status', 'unknown_status', {
          ar: `الحالة "${statusText}" غير معروفة (مثل: paid، refunded، cancelled، تم التنفيذ، ملغي)`,
          en: `Unknown status "${statusText}" (e.g. paid, refunded, cancelled, تم التنفيذ, ملغي)`,
        });
      } else status = slug;
    }

    const items: ImportedOrderItem[] = [];
    for (const { number, cells } of group.rows) {
      const name = textOf(cell(cells, 'item_name'));
      const sku = textOf(cell(cells, 'item_sku'));
      const quantityText = textOf(cell(cells, 'item_quantity'));
      const priceText = textOf(cell(cells, 'item_price'));
      if (name === '' && sku === '' && quantityText === '' && priceText === '') continue;
      if (name === '' && sku === '') {
        fail(number, 'item_name', 'required', { ar: 'اسم المنتج أو رمزه مطلوب للسطر', en: 'A line item needs a product name or SKU' });
        continue;
      }
      const quantityDecimal = quantityText === '' ? '1' : normalizeDecimalString(quantityText);
      const quantity = quantityDecimal === undefined ? Number.NaN : Number(quantityDecimal);
      if (!Number.isInteger(quantity) || quantity <= 0 || quantity > 1_000_000) {
        fail(number, 'item_quantity', 'invalid_quantity', { ar: `الكمية "${quantityText}" يجب أن تكون عددًا صحيحًا موجبًا`, en: `Quantity "${quantityText}" must be a positive whole number` });
        continue;
      }
      let unitPriceMinor = 0;
      if (priceText !== '') {
        const minor = parseAmount(priceText, currency);
        if (minor === undefined || minor < 0) {
          fail(number, 'item_price', 'invalid_amount', { ar: `"${priceText}" ليس سعرًا صحيحًا`, en: `"${priceText}" is not a price` });
          continue;
        }
        unitPriceMinor = minor;
      }
      items.push({ name, sku, quantity, unitPriceMinor });
    }
    if (items.length > IMPORT_MAX_ITEMS_PER_ORDER) {
      fail(firstRow, null, 'too_many_items', { ar: `للطلب أكثر من ${IMPORT_MAX_ITEMS_PER_ORDER} منتجًا`, en: `The order has more than ${IMPORT_MAX_ITEMS_PER_ORDER} line items` });
    }

    if (errors.length > before || createdAt === undefined || totalMinor === null) {
      rejectedOrders++;
      const reported = new Set(errors.slice(before).map((error) => error.row));
      for (const { number } of group.rows) {
        if (reported.has(number)) continue;
        fail(number, null, 'order_rejected', {
          ar: `لن يُستورد: في صف آخر من الطلب ${externalId} خطأ`,
          en: `Not imported: another row of order ${externalId} has an error`,
        });
      }
      continue;
    }
    totalsMinor[currency] = (totalsMinor[currency] ?? 0) + totalMinor;
    orders.push({
      externalId,
      createdAt,
      status,
      currency,
      totalMinor,
      subtotalMinor,
      shippingMinor,
      taxMinor,
      discountMinor,
      paymentMethod: text('payment_method').toLowerCase(),
      customer: { email: text('customer_email').toLowerCase(), name: text('customer_name'), mobile: text('customer_mobile'), city: text('city') },
      items,
      rows: group.rows.map((row) => row.number),
    });
  }
  errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return { rows: table.rows.length, orders, rejectedOrders, errors, totalsMinor };
}

function textOf(value: RawCell): string {
  return value instanceof Date ? value.toISOString() : value.trim();
}

// Currency words and symbols around an amount ("SAR 1,250.50", "١٢٥٠٫٥٠ ر.س").
const CURRENCY_AFFIX = /^(?:[A-Za-z]{3}|ر\.?س\.?|﷼|\$)\s*|\s*(?:[A-Za-z]{3}|ر\.?س\.?|﷼|\$)$/g;

function parseAmount(raw: string, currency: string): number | undefined {
  const decimal = normalizeDecimalString(raw.replace(CURRENCY_AFFIX, ''));
  if (decimal === undefined) return undefined;
  try {
    return toMinorUnits(decimal, currency);
  } catch {
    return undefined;
  }
}

/** Excel stores wall time without a zone; exceljs hands it over as that wall time in UTC. */
function parseExcelDate(value: Date, timeZone: string): Date | undefined {
  if (Number.isNaN(value.getTime())) return undefined;
  return parseSallaDateString(value.toISOString().slice(0, 19).replace('T', ' '), timeZone);
}
