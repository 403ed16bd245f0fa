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
import { formatNumber } from '../lib/format/number';
import { DonutChart } from './donut-chart';

const text = {
  ar: { names: ['مكتمل', 'قيد التنفيذ', 'ملغي', 'مسترجع'], total: 'الطلبات' },
  en: { names: ['Completed', 'Processing', 'Canceled', 'Refunded'], total: 'Orders' },
};
const counts = [820, 140, 45, 25];

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <div className="max-w-sm">
      <DonutChart
        data={t.names.map((label, i) => ({ label, value: counts[i] ?? 0 }))}
        centerValue={formatNumber(1030, localeOf(context))}
        centerLabel={t.total}
        locale={localeOf(context)}
      />
    </div>
  );
}

const meta = { title: 'Charts/DonutChart', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Four slices; legend shares add up (820 / 1030 ≈ 79.6 %). */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  await waitFor(() => expect(canvasElement.querySelectorAll('.recharts-pie-sector').length).toBe(4));
  expect(canvasElement).toHaveTextContent(langOf({ globals }) === 'ar' ? '٧٩٫٦' : '79.6%');
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
