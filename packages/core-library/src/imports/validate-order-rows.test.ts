import { describe, expect, it } from 'vitest';
import { renderCsv } from '../tables/render-csv.js';
import { renderXlsx } from '../tables/render-xlsx.js';
import type { TableLayout } from '../tables/table-file.js';
import { detectImportSource, suggestImportMapping } from './order-import-fields.js';
import { readTableFile } from './read-table-file.js';
import { validateOrderRows } from './validate-order-rows.js';

const SHOPIFY = [
  'Name,Email,Financial Status,Created at,Currency,Subtotal,Shipping,Taxes,Total,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing City',
  '#1001,a@x.sa,paid,2026-03-01 10:00:00 +0300,SAR,100.00,10.00,15.00,125.00,2,Oud,50.00,OUD-1,Riyadh',
  '#1001,,,,,,,,,1,Bakhoor,0.29,BK-1,',
  '#1002,b@x.sa,refunded,2026-03-02 11:30:00 +0300,SAR,40,0,6,46.00,1,Musk,40.00,MS-1,Jeddah',
  '#1003,c@x.sa,paid,not a date,SAR,1,0,0,1.00,1,Musk,1.00,MS-1,Jeddah',
  '#1004,d@x.sa,weird,2026-03-03,SAR,1,0,0,abc,1,Musk,1.00,MS-1,Jeddah',
  '#1005,e@x.sa,paid,2026-03-04,SAR,1,0,0,5.00,0,Musk,1.00,MS-1,Jeddah',
  '#1005,,,,,,,,,1,Oud,4.00,OUD-1,',
  ',f@x.sa,paid,2026-03-04,SAR,1,0,0,5.00,1,Musk,1.00,MS-1,Jeddah',
].join('\n');

describe('order-history import: mapping and validation', () => {
  it('suggests the mapping from Shopify headers and Arabic (Zid-style) headers', async () => {
    const table = await readTableFile(Buffer.from(SHOPIFY), 'csv');
    expect(detectImportSource(table.headers)).toBe('shopify');
    expect(suggestImportMapping(table.headers)).toMatchObject({ order_number: 0, customer_email: 1, status: 2, order_date: 3, total: 8, item_quantity: 9, item_name: 10, item_price: 11, item_sku: 12, city: 13 });
    const arabic = ['رقم الطلب', 'تاريخ الطلب', 'حالة الطلب', 'الإجمالي', 'اسم العميل', 'المدينة', 'طريقة الدفع', 'العملة'];
    expect(suggestImportMapping(arabic)).toEqual({ order_number: 0, order_date: 1, status: 2, total: 3, customer_name: 4, city: 5, payment_method: 6, currency: 7 });
    expect(detectImportSource(arabic)).toBe('zid');
  });

  it('rejects exactly the bad rows (whole orders) with row, column and reason, and keeps exact amounts', async () => {
    const table = await readTableFile(Buffer.from(SHOPIFY), 'csv');
    const result = validateOrderRows(table, suggestImportMapping(table.headers), { timeZone: 'Asia/Riyadh', defaultCurrency: 'SAR', now: new Date('2026-04-01T00:00:00Z') });
    expect(result.orders.map((o) => o.externalId)).toEqual(['1001', '1002']);
    expect(result.rejectedOrders).toBe(3);
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [5, 'Created at', 'invalid_date'],
      [6, 'Financial Status', 'unknown_status'],
      [6, 'Total', 'invalid_amount'],
      [7, 'Lineitem quantity', 'invalid_quantity'],
      [8, '', 'order_rejected'],
      [9, 'Name', 'required'],
    ]);
    expect(result.errors[0]?.message.ar).toContain('ليس تاريخًا');
    const [first, second] = result.orders;
    expect(first).toMatchObject({ totalMinor: 12_500, status: 'completed', currency: 'SAR', rows: [2, 3], customer: { email: 'a@x.sa', city: 'Riyadh' } });
    expect(first?.items).toEqual([
      { name: 'Oud', sku: 'OUD-1', quantity: 2, unitPriceMinor: 5_000 },
      { name: 'Bakhoor', sku: 'BK-1', quantity: 1, unitPriceMinor: 29 },
    ]);
    expect(first?.createdAt.toISOString()).toBe('2026-03-01T07:00:00.000Z');
    expect(second).toMatchObject({ totalMinor: 4_600, status: 'refunded' });
    expect(result.totalsMinor).toEqual({ SAR: 17_100 });
  });
});

describe('table files', () => {
  const layout: TableLayout = {
    title: { ar: 'اختبار', en: 'Test' },
    columns: [
      { key: 'name', kind: 'text', header: { ar: 'المنتج', en: 'Product' } },
      { key: 'revenue', kind: 'money', header: { ar: 'الإيرادات', en: 'Revenue' } },
      { key: 'at', kind: 'date', header: { ar: 'التاريخ', en: 'Date' } },
    ],
    locale: 'ar',
    currency: 'SAR',
    timeZone: 'Asia/Riyadh',
  };
  const rows = [{ name: 'عود, "ملكي"', revenue: 45_603, at: new Date('2026-03-01T22:30:00Z') }, { name: 'x', revenue: 29, at: null }];

  it('writes CSV with a UTF-8 BOM, Arabic headers, exact SAR decimals and local dates', async () => {
    const csv = await renderCsv(layout, rows);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1)).toBe('المنتج,الإيرادات,التاريخ\r\n"عود, ""ملكي""",456.03,2026-03-02\r\nx,0.29,\r\n');
  });

  it('writes an XLSX that reads back to the same table', async () => {
    const xlsx = await renderXlsx({ ...layout, locale: 'en' }, rows);
    const table = await readTableFile(xlsx, 'xlsx');
    expect(table.headers).toEqual(['Product', 'Revenue', 'Date']);
    expect(table.rows).toEqual([
      ['عود, "ملكي"', '456.03', '2026-03-02'],
      ['x', '0.29', ''],
    ]);
  });
});
