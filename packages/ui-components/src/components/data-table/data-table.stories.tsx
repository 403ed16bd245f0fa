import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, spyOn, userEvent, waitFor, within } from 'storybook/test';
import { UTF8_BOM } from '../../lib/csv/to-csv';
import { formatMoney, formatNumber, formatPercent } from '../../lib/format/number';
import { type ProductRow, products, tableLabels } from '../../stories/fixtures';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  type Lang,
  langOf,
  localeOf,
} from '../../stories/story-helpers';
import { DataTable, type DataTableColumn } from './data-table';

const headers = {
  ar: { name: 'المنتج', category: 'التصنيف', orders: 'الطلبات', revenue: 'الإيرادات', refunds: 'نسبة الاسترجاع' },
  en: { name: 'Product', category: 'Category', orders: 'Orders', revenue: 'Revenue', refunds: 'Refund rate' },
} satisfies Record<Lang, Record<string, string>>;

function columnsFor(lang: Lang, locale: string): DataTableColumn<ProductRow>[] {
  const h = headers[lang];
  return [
    { id: 'name', header: h.name, accessor: (r) => r.name[lang], className: 'font-medium' },
    { id: 'category', header: h.category, accessor: (r) => r.category[lang], sortable: false },
    {
      id: 'orders',
      header: h.orders,
      accessor: (r) => r.orders,
      align: 'end',
      cell: (r) => formatNumber(r.orders, locale),
    },
    {
      id: 'revenue',
      header: h.revenue,
      accessor: (r) => r.revenueMinor,
      csv: (r) => r.revenueMinor / 100,
      align: 'end',
      cell: (r) => formatMoney({ amountMinor: r.revenueMinor, currency: 'SAR' }, locale),
    },
    {
      id: 'refunds',
      header: h.refunds,
      accessor: (r) => r.refundRate,
      align: 'end',
      cell: (r) => formatPercent(r.refundRate, locale),
    },
  ];
}

function Table(_: unknown, context: StoryContext) {
  const lang = langOf(context);
  return (
    <div className="max-w-4xl">
      <DataTable
        columns={columnsFor(lang, localeOf(context))}
        data={products}
        labels={tableLabels[lang]}
        getRowId={(row) => row.id}
        pageSize={5}
        filterable
        csvFilename="top-products"
      />
    </div>
  );
}

const meta = {
  title: 'Analytics/DataTable',
  render: Table,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const bodyRows = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll('tbody tr')] as HTMLTableRowElement[];
const firstCells = (canvasElement: HTMLElement) => bodyRows(canvasElement).map((tr) => tr.cells[0]?.textContent ?? '');

/** Sorts by revenue (desc), pages, filters and checks the CSV bytes and rows. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const h = headers[lang];
  const labels = tableLabels[lang];
  const canvas = within(canvasElement);
  const byRevenueDesc = [...products].sort((a, b) => b.revenueMinor - a.revenueMinor);

  // 12 products, 5 per page.
  expect(bodyRows(canvasElement)).toHaveLength(5);
  expect(canvas.getByText(labels.pageOf(lang === 'ar' ? '١' : '1', lang === 'ar' ? '٣' : '3'))).toBeVisible();

  const revenueHeader = canvas.getByRole('button', { name: h.revenue });
  await userEvent.click(revenueHeader);
  expect(revenueHeader.closest('th')).toHaveAttribute('aria-sort', 'ascending');
  await userEvent.click(revenueHeader);
  expect(revenueHeader.closest('th')).toHaveAttribute('aria-sort', 'descending');
  expect(firstCells(canvasElement)).toEqual(byRevenueDesc.slice(0, 5).map((p) => p.name[lang]));

  await userEvent.click(canvas.getByRole('button', { name: labels.nextPage }));
  expect(firstCells(canvasElement)).toEqual(byRevenueDesc.slice(5, 10).map((p) => p.name[lang]));
  await userEvent.click(canvas.getByRole('button', { name: labels.nextPage }));
  expect(firstCells(canvasElement)).toEqual(byRevenueDesc.slice(10).map((p) => p.name[lang]));
  expect(canvas.getByRole('button', { name: labels.nextPage })).toBeDisabled();
  await userEvent.click(canvas.getByRole('button', { name: labels.previousPage }));
  expect(firstCells(canvasElement)).toEqual(byRevenueDesc.slice(5, 10).map((p) => p.name[lang]));

  // Filter to one category, then download: the CSV has exactly those rows in revenue order.
  const category = products[0]!.category[lang];
  const expected = byRevenueDesc.filter((p) => p.category[lang] === category);
  await userEvent.type(canvas.getByRole('searchbox', { name: labels.filter }), category);
  await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(expected.length));

  const createUrl = spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:story-test');
  const revoke = spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  const click = spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  try {
    await userEvent.click(canvas.getByRole('button', { name: labels.downloadCsv }));
    expect(click).toHaveBeenCalledTimes(1);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('top-products.csv');
    const blob = createUrl.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe([h.name, h.category, h.orders, h.revenue, h.refunds].join(","));
    expect(lines.slice(1)).toEqual(
      expected.map((p) => [p.name[lang], p.category[lang], p.orders, p.revenueMinor / 100, p.refundRate].join(',')),
    );
  } finally {
    createUrl.mockRestore();
    revoke.mockRestore();
    click.mockRestore();
  }
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };

export const Empty: Story = {
  ...EnglishLtrLightGlobals,
  render: (_, context) => (
    <DataTable columns={columnsFor('en', localeOf(context))} data={[]} labels={tableLabels.en} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    expect(canvas.getByText(tableLabels.en.empty)).toBeVisible();
    expect(canvas.getByRole('button', { name: tableLabels.en.downloadCsv })).toBeDisabled();
  },
};
