import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { BanknoteIcon, PackageXIcon, ShoppingCartIcon, UsersIcon } from 'lucide-react';
import { expect, within } from 'storybook/test';
import { formatMoney, formatNumber, formatPercent } from '../lib/format/number';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  type Lang,
  langOf,
  localeOf,
} from '../stories/story-helpers';
import { KpiCard } from './kpi-card';

const text = {
  ar: {
    revenue: 'الإيرادات',
    orders: 'الطلبات',
    customers: 'العملاء الجدد',
    canceled: 'الطلبات الملغاة',
    vs: 'مقارنة بالفترة السابقة',
    none: 'لا توجد مقارنة',
    increase: 'ارتفاع',
    decrease: 'انخفاض',
    unchanged: 'بدون تغيير',
  },
  en: {
    revenue: 'Revenue',
    orders: 'Orders',
    customers: 'New customers',
    canceled: 'Canceled orders',
    vs: 'vs previous period',
    none: 'No comparison',
    increase: 'Increase',
    decrease: 'Decrease',
    unchanged: 'No change',
  },
} satisfies Record<Lang, Record<string, string>>;

function Grid(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  const locale = localeOf(context);
  const common = {
    comparisonLabel: t.vs,
    noComparisonLabel: t.none,
    increaseLabel: t.increase,
    decreaseLabel: t.decrease,
    unchangedLabel: t.unchanged,
  };
  return (
    <div className="grid max-w-5xl grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <KpiCard
        {...common}
        label={t.revenue}
        value={formatMoney({ amountMinor: 48_213_050, currency: 'SAR' }, locale)}
        change={0.124}
        icon={<BanknoteIcon />}
      />
      <KpiCard {...common} label={t.orders} value={formatNumber(1_284, locale)} change={-0.062} icon={<ShoppingCartIcon />} />
      <KpiCard {...common} label={t.customers} value={formatNumber(312, locale)} change={null} icon={<UsersIcon />} />
      <KpiCard
        {...common}
        label={t.canceled}
        value={formatPercent(0.031, locale)}
        change={-0.18}
        invert
        icon={<PackageXIcon />}
      />
    </div>
  );
}

const meta = {
  title: 'Analytics/KpiCard',
  render: Grid,
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** A fall in orders: down arrow, destructive colour; a fall in canceled orders (invert): down arrow, green. */
async function assertSemantics({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const t = text[lang];
  expect(document.documentElement.dir).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  const canvas = within(canvasElement);
  const card = (label: string) => canvas.getByText(label).closest('[data-slot="kpi-card"]') as HTMLElement;
  const change = (label: string) => card(label).querySelector('[data-slot="kpi-change"]') as HTMLElement;

  const orders = change(t.orders);
  expect(orders.dataset.trend).toBe('down');
  expect(orders.dataset.sentiment).toBe('negative');
  expect(orders.className).toContain('text-destructive');
  expect(orders.querySelector('[data-icon="arrow-down"]')).not.toBeNull();
  expect(orders).toHaveTextContent(t.decrease);

  const revenue = change(t.revenue);
  expect(revenue.dataset.sentiment).toBe('positive');
  expect(revenue.className).toContain('text-success');
  expect(revenue.querySelector('[data-icon="arrow-up"]')).not.toBeNull();

  const canceled = change(t.canceled);
  expect(canceled.dataset.trend).toBe('down');
  expect(canceled.dataset.sentiment).toBe('positive');
  expect(canceled.className).toContain('text-success');
  expect(canceled.querySelector('[data-icon="arrow-down"]')).not.toBeNull();

  const customers = change(t.customers);
  expect(customers.dataset.trend).toBe('none');
  expect(customers).toHaveTextContent(t.none);

  // The success and destructive colours really differ on screen.
  expect(getComputedStyle(orders).color).not.toBe(getComputedStyle(revenue).color);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play: assertSemantics };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play: assertSemantics };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play: assertSemantics };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play: assertSemantics };

/** An increase in a metric where down is good (invert): up arrow, destructive colour. */
export const InvertedIncrease: Story = {
  ...ArabicRtlLightGlobals,
  render: (_, context) => (
    <div className="max-w-xs">
      <KpiCard
        label={text[langOf(context)].canceled}
        value={formatNumber(42, localeOf(context))}
        change={0.25}
        invert
        comparisonLabel={text[langOf(context)].vs}
      />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const change = canvasElement.querySelector('[data-slot="kpi-change"]') as HTMLElement;
    expect(change.dataset.trend).toBe('up');
    expect(change.dataset.sentiment).toBe('negative');
    expect(change.className).toContain('text-destructive');
    expect(change.querySelector('[data-icon="arrow-up"]')).not.toBeNull();
    // Arabic-Indic digits in the percentage.
    expect(change).toHaveTextContent('٢٥');
  },
};

export const Loading: Story = {
  ...EnglishLtrLightGlobals,
  render: () => (
    <div className="max-w-xs">
      <KpiCard label="Revenue" value="" loading />
    </div>
  ),
  play: async ({ canvasElement }) => {
    expect(canvasElement.querySelectorAll('[data-slot="skeleton"]')).toHaveLength(2);
  },
};
