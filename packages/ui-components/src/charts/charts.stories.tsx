import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { Card, CardContent, CardHeader, CardTitle } from '../components/card';
import { formatMoney, formatNumber } from '../lib/format/number';
import { cohortRows, revenueSeries } from '../stories/fixtures';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  type Lang,
  langOf,
  localeOf,
} from '../stories/story-helpers';
import { BarChart } from './bar-chart';
import { CohortHeatmap } from './cohort-heatmap';
import { DonutChart } from './donut-chart';
import { TimeSeriesChart } from './time-series-chart';

const text = {
  ar: {
    trend: 'الإيرادات اليومية',
    revenue: 'الإيرادات',
    previous: 'الفترة السابقة',
    weekdays: 'الطلبات حسب اليوم',
    orders: 'الطلبات',
    days: ['السبت', 'الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة'],
    cities: 'الإيرادات حسب المدينة',
    cityNames: ['الرياض', 'جدة', 'الدمام', 'مكة المكرمة', 'المدينة المنورة'],
    payments: 'طرق الدفع',
    paymentNames: ['مدى', 'Apple Pay', 'تمارا', 'تابي', 'الدفع عند الاستلام'],
    total: 'إجمالي الطلبات',
    cohorts: 'الاحتفاظ بالعملاء حسب شهر أول طلب',
    cohort: 'الشهر',
    size: 'العملاء',
    period: (_: number, n: string) => `شهر ${n}`,
  },
  en: {
    trend: 'Daily revenue',
    revenue: 'Revenue',
    previous: 'Previous period',
    weekdays: 'Orders by weekday',
    orders: 'Orders',
    days: ['Sat', 'Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri'],
    cities: 'Revenue by city',
    cityNames: ['Riyadh', 'Jeddah', 'Dammam', 'Makkah', 'Madinah'],
    payments: 'Payment methods',
    paymentNames: ['mada', 'Apple Pay', 'Tamara', 'Tabby', 'Cash on delivery'],
    total: 'Total orders',
    cohorts: 'Customer retention by first-order month',
    cohort: 'Cohort',
    size: 'Customers',
    period: (_: number, n: string) => `Month ${n}`,
  },
};

const sar = (value: number, locale: string) =>
  formatMoney({ amountMinor: Math.round(value * 100), currency: 'SAR' }, locale, { trimZeroFraction: true });
const sarCompact = (value: number, locale: string) =>
  formatMoney({ amountMinor: Math.round(value * 100), currency: 'SAR' }, locale, { notation: 'compact' });

function Dashboard(_: unknown, context: StoryContext) {
  const lang: Lang = langOf(context);
  const t = text[lang];
  const locale = localeOf(context);
  const payments = [4120, 2210, 1380, 990, 430];
  return (
    <div className="grid max-w-6xl gap-4 lg:grid-cols-2">
      <Card className="lg:col-span-2">
        <CardHeader>
          <CardTitle>{t.trend}</CardTitle>
        </CardHeader>
        <CardContent>
          <TimeSeriesChart
            data={revenueSeries()}
            seriesLabel={t.revenue}
            comparisonLabel={t.previous}
            formatValue={sar}
            formatAxisValue={sarCompact}
            ariaLabel={t.trend}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.weekdays}</CardTitle>
        </CardHeader>
        <CardContent>
          <BarChart
            data={t.days.map((label, i) => ({ label, value: [310, 280, 260, 275, 300, 420, 390][i] ?? 0 }))}
            seriesLabel={t.orders}
            ariaLabel={t.weekdays}
            height={240}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.cities}</CardTitle>
        </CardHeader>
        <CardContent>
          <BarChart
            orientation="horizontal"
            data={t.cityNames.map((label, i) => ({ label, value: [182_000, 121_500, 64_300, 51_200, 38_900][i] ?? 0 }))}
            seriesLabel={t.revenue}
            formatValue={sar}
            formatAxisValue={sarCompact}
            ariaLabel={t.cities}
            height={240}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.payments}</CardTitle>
        </CardHeader>
        <CardContent>
          <DonutChart
            data={t.paymentNames.map((label, i) => ({ label, value: payments[i] ?? 0 }))}
            centerValue={formatNumber(payments.reduce((a, b) => a + b, 0), locale)}
            centerLabel={t.total}
            ariaLabel={t.payments}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t.cohorts}</CardTitle>
        </CardHeader>
        <CardContent>
          <CohortHeatmap rows={cohortRows[lang]} labels={{ cohort: t.cohort, size: t.size, period: t.period }} />
        </CardContent>
      </Card>
    </div>
  );
}

const meta = { title: 'Charts/Dashboard (all charts)', render: Dashboard, parameters: { layout: 'fullscreen' } } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Charts render, follow the direction (time axis reversed in RTL), and the heat-map scales. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const t = text[lang];
  const canvas = within(canvasElement);
  const trend = canvasElement.querySelector('[data-slot="time-series-chart"]') as HTMLElement;
  await waitFor(() => expect(trend.querySelectorAll('.recharts-area').length).toBe(2));

  // First and last day on the x-axis: the earliest date is at the start side of the reading direction.
  // (waitFor: ResponsiveContainer measures its width after the first paint.)
  await waitFor(() => {
    const ticks = [...trend.querySelectorAll('.recharts-xAxis-tick-labels text')];
    expect(ticks.length).toBeGreaterThan(2);
    const first = ticks[0]!.getBoundingClientRect().left;
    const last = ticks[ticks.length - 1]!.getBoundingClientRect().left;
    if (lang === 'ar') expect(first).toBeGreaterThan(last + 100);
    else expect(first).toBeLessThan(last - 100);
  });

  // Legends are HTML and name both series.
  expect(within(trend).getByText(t.previous)).toBeVisible();

  // Weekday bars: Saturday (the Saudi week start) sits at the inline start.
  const weekdays = canvas.getByLabelText(t.weekdays);
  const sat = within(weekdays).getByText(t.days[0]!).getBoundingClientRect().left;
  const fri = within(weekdays).getByText(t.days[6]!).getBoundingClientRect().left;
  if (lang === 'ar') expect(sat).toBeGreaterThan(fri);
  else expect(sat).toBeLessThan(fri);

  // Donut has five slices and a legend with shares.
  const donut = canvas.getByLabelText(t.payments);
  await waitFor(() => expect(donut.querySelectorAll('.recharts-pie-sector').length).toBe(5));

  // Heat-map: period 0 is full colour, later months lighter, future months empty.
  const heatmap = canvasElement.querySelector('[data-slot="cohort-heatmap"]') as HTMLElement;
  const firstRow = heatmap.querySelectorAll('tbody tr')[0]!;
  const intensities = [...firstRow.querySelectorAll('td[data-intensity]')].map((td) =>
    Number((td as HTMLElement).dataset.intensity),
  );
  expect(intensities).toHaveLength(6);
  expect(intensities[0]).toBe(1);
  expect(intensities[1]).toBeGreaterThan(0.5);
  expect(intensities.at(-1)!).toBeLessThan(intensities[1]!);
  // The scale tops out at the best month-1+ retention in the grid.
  const all = [...heatmap.querySelectorAll('tbody td[data-intensity]')].map((td) => Number((td as HTMLElement).dataset.intensity));
  expect(all.filter((v) => v === 1).length).toBeGreaterThan(6);
  const lastRow = heatmap.querySelectorAll('tbody tr')[5]!;
  expect(lastRow.querySelectorAll('td[data-intensity]')).toHaveLength(1);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };

export const LineWithoutComparison: Story = {
  ...EnglishLtrLightGlobals,
  render: (_, context) => (
    <TimeSeriesChart
      variant="line"
      data={revenueSeries(14).map(({ date, value }) => ({ date, value }))}
      seriesLabel={text.en.revenue}
      comparisonLabel={text.en.previous}
      formatValue={sar}
      locale={localeOf(context)}
    />
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelectorAll('.recharts-line').length).toBe(1));
    // No comparison values → no comparison legend entry.
    expect(within(canvasElement).queryByText(text.en.previous)).toBeNull();
  },
};
