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
import { cohortRows } from '../stories/fixtures';
import { CohortHeatmap } from './cohort-heatmap';

const text = {
  ar: { cohort: 'الشهر', size: 'العملاء', period: (_: number, n: string) => `شهر ${n}`, low: 'أقل', high: 'أعلى' },
  en: { cohort: 'Cohort', size: 'Customers', period: (_: number, n: string) => `Month ${n}`, low: 'Low', high: 'High' },
};

function Example(_: unknown, context: StoryContext) {
  const lang = langOf(context);
  const t = text[lang];
  return (
    <div className="max-w-3xl">
      <CohortHeatmap
        rows={cohortRows[lang]}
        labels={{ cohort: t.cohort, size: t.size, period: t.period, scaleLow: t.low, scaleHigh: t.high }}
        locale={localeOf(context)}
      />
    </div>
  );
}

const meta = { title: 'Charts/CohortHeatmap', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Period 0 sits next to the cohort label (right in RTL); empty cells for months not yet elapsed. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const row = canvasElement.querySelector('tbody tr') as HTMLTableRowElement;
  const label = row.cells[0]!.getBoundingClientRect();
  const period0 = row.cells[2]!.getBoundingClientRect();
  if (lang === 'ar') expect(period0.right).toBeLessThan(label.left + 1);
  else expect(period0.left).toBeGreaterThan(label.right - 1);
  expect(canvasElement.querySelectorAll('tbody td[data-intensity]')).toHaveLength(21);
  expect(canvasElement).toHaveTextContent(text[lang].high);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
