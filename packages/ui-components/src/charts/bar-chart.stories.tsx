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
import { BarChart } from './bar-chart';

const text = {
  ar: { orders: 'الطلبات', previous: 'الفترة السابقة', hours: ['٩ص', '١٢م', '٣م', '٦م', '٩م', '١٢ص'] },
  en: { orders: 'Orders', previous: 'Previous period', hours: ['9am', '12pm', '3pm', '6pm', '9pm', '12am'] },
};
const values = [40, 95, 120, 160, 210, 90];
const previous = [35, 80, 130, 150, 180, 70];

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <div className="max-w-2xl">
      <BarChart
        data={t.hours.map((label, i) => ({ label, value: values[i] ?? 0, comparison: previous[i] ?? 0 }))}
        seriesLabel={t.orders}
        comparisonLabel={t.previous}
        locale={localeOf(context)}
      />
    </div>
  );
}

const meta = { title: 'Charts/BarChart', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Six categories, each with a current and a comparison bar. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  await waitFor(() => expect(canvasElement.querySelectorAll('.recharts-bar-rectangle').length).toBe(12));
  // The comparison bar comes first in reading order: left of the current bar in LTR, right in RTL.
  const x = (selector: string) =>
    Math.min(...[...canvasElement.querySelectorAll(selector)].map((el) => el.getBoundingClientRect().left));
  const previousLeft = x('.recharts-bar-rectangle path[fill="var(--color-chart-comparison)"]');
  const currentLeft = x('.recharts-bar-rectangle path[fill="var(--color-chart-1)"]');
  if (langOf({ globals }) === 'ar') expect(previousLeft).toBeGreaterThan(currentLeft);
  else expect(previousLeft).toBeLessThan(currentLeft);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
