import { describe, expect, it } from 'vitest';
import { UTF8_BOM } from '../../lib/csv/to-csv';
import { type ColumnModel, filterRows, nextSort, paginate, rowsToCsv, sortRows } from './table-model';

interface Product {
  name: string;
  revenue: number | null;
  orders: number;
  launched: Date;
}

const rows: Product[] = [
  { name: 'عطر العود', revenue: 5000, orders: 12, launched: new Date('2024-03-01') },
  { name: 'بخور', revenue: null, orders: 3, launched: new Date('2023-01-15') },
  { name: 'مسك', revenue: 12000, orders: 30, launched: new Date('2025-06-10') },
  { name: 'Item 10', revenue: 700, orders: 3, launched: new Date('2022-01-01') },
  { name: 'Item 9', revenue: 800, orders: 5, launched: new Date('2022-02-01') },
];

const columns: ColumnModel<Product>[] = [
  { id: 'name', header: 'المنتج', accessor: (r) => r.name },
  { id: 'revenue', header: 'الإيرادات', accessor: (r) => r.revenue },
  { id: 'orders', header: 'الطلبات', accessor: (r) => r.orders },
  { id: 'launched', header: 'Launched', accessor: (r) => r.launched, csv: (r) => r.launched.toISOString().slice(0, 10) },
];

const names = (list: Product[]) => list.map((r) => r.name);

describe('sortRows', () => {
  it('sorts numbers both ways and keeps blanks last', () => {
    expect(names(sortRows(rows, columns, { columnId: 'revenue', direction: 'asc' }, 'en'))).toEqual([
      'Item 10',
      'Item 9',
      'عطر العود',
      'مسك',
      'بخور',
    ]);
    expect(names(sortRows(rows, columns, { columnId: 'revenue', direction: 'desc' }, 'en'))).toEqual([
      'مسك',
      'عطر العود',
      'Item 9',
      'Item 10',
      'بخور',
    ]);
  });

  it('sorts text with numeric collation and is stable for ties', () => {
    const byName = sortRows(rows.slice(3), columns, { columnId: 'name', direction: 'asc' }, 'en');
    expect(names(byName)).toEqual(['Item 9', 'Item 10']);
    const byOrders = sortRows(rows, columns, { columnId: 'orders', direction: 'asc' }, 'en');
    expect(names(byOrders).slice(0, 2)).toEqual(['بخور', 'Item 10']);
  });

  it('sorts dates and leaves the order alone without a sort', () => {
    expect(names(sortRows(rows, columns, { columnId: 'launched', direction: 'desc' }, 'en'))[0]).toBe('مسك');
    expect(sortRows(rows, columns, null, 'en')).toEqual(rows);
    expect(sortRows(rows, columns, { columnId: 'missing', direction: 'asc' }, 'en')).toEqual(rows);
  });
});

describe('filterRows', () => {
  it('matches any column, ignoring case and Arabic diacritics', () => {
    expect(names(filterRows(rows, columns, 'item'))).toEqual(['Item 10', 'Item 9']);
    expect(names(filterRows(rows, columns, 'عُطر'))).toEqual(['عطر العود']);
    expect(names(filterRows(rows, columns, '12000'))).toEqual(['مسك']);
    expect(filterRows(rows, columns, '  ')).toHaveLength(5);
  });
});

describe('nextSort', () => {
  it('cycles ascending, descending, none and restarts on another column', () => {
    const asc = nextSort(null, 'revenue');
    expect(asc).toEqual({ columnId: 'revenue', direction: 'asc' });
    const desc = nextSort(asc, 'revenue');
    expect(desc).toEqual({ columnId: 'revenue', direction: 'desc' });
    expect(nextSort(desc, 'revenue')).toBeNull();
    expect(nextSort(desc, 'orders')).toEqual({ columnId: 'orders', direction: 'asc' });
  });
});

describe('paginate', () => {
  it('slices pages and clamps the index', () => {
    expect(paginate(rows, 0, 2)).toMatchObject({ pageIndex: 0, pageCount: 3 });
    expect(names(paginate(rows, 2, 2).rows)).toEqual(['Item 9']);
    expect(paginate(rows, 9, 2).pageIndex).toBe(2);
    expect(paginate([], 0, 10)).toEqual({ rows: [], pageIndex: 0, pageCount: 1 });
  });
});

describe('rowsToCsv', () => {
  it('writes the given rows in the given order with displayed headers and raw values', () => {
    const sorted = sortRows(rows, columns, { columnId: 'revenue', direction: 'desc' }, 'en').slice(0, 2);
    expect(rowsToCsv(sorted, columns)).toBe(
      `${UTF8_BOM}المنتج,الإيرادات,الطلبات,Launched\r\nمسك,12000,30,2025-06-10\r\nعطر العود,5000,12,2024-03-01\r\n`,
    );
  });
});
