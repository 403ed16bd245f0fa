import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
  localeOf,
} from '../stories/story-helpers';
import { formatMoney } from '../lib/format/number';
import { revenueSeries } from '../stories/fixtures';
import { TimeSeriesChart } from './time-series-chart';

const text = {
  ar: { revenue: 'الإيرادات', previous: 'نفس الفترة من العام الماضي' },
  en: { revenue: 'Revenue', previous: 'Same period last year' },
};
const sar = (value: number, locale: string) =>
  formatMoney({ amountMinor: Math.round(value * 100), currency: 'SAR' }, locale, { trimZeroFraction: true });
const sarCompact = (value: number, locale: string) =>
  formatMoney({ amountMinor: Math.round(value * 100), currency: 'SAR' }, locale, { notation: 'compact' });

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <div className="max-w-3xl">
      <TimeSeriesChart
        variant="line"
        data={revenueSeries(21)}
        seriesLabel={t.revenue}
        comparisonLabel={t.previous}
        formatValue={sar}
        formatAxisValue={sarCompact}
        locale={localeOf(context)}
      />
    </div>
  );
}

const meta = { title: 'Charts/TimeSeriesChart', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Two lines (the comparison dashed) and a legend naming both. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const t = text[langOf({ globals })];
  await waitFor(() => expect(canvasElement.querySelectorAll('.recharts-line').length).toBe(2));
  expect(canvasElement.querySelector('.recharts-line path[stroke-dasharray="4 4"]')).not.toBeNull();
  expect(canvasElement).toHaveTextContent(t.previous);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
