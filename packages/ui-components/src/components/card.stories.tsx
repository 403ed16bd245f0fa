import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Button } from './button';
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from './card';

const text = {
  ar: {
    title: 'السلات المتروكة',
    description: 'آخر ٧ أيام',
    body: 'قيمة السلات المعرضة للضياع هذا الأسبوع ١٢٬٤٠٠ ر.س. ونسبة الاسترجاع ١٨٪.',
    action: 'عرض السلات',
  },
  en: {
    title: 'Abandoned carts',
    description: 'Last 7 days',
    body: 'SAR 12,400 of carts are at risk this week; 18% were recovered.',
    action: 'View carts',
  },
};

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <Card className="max-w-md">
      <CardHeader>
        <div className="flex flex-col gap-1.5">
          <CardTitle>{t.title}</CardTitle>
          <CardDescription>{t.description}</CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        <p className="text-sm">{t.body}</p>
      </CardContent>
      <CardFooter>
        <Button size="sm">{t.action}</Button>
      </CardFooter>
    </Card>
  );
}

const meta = { title: 'Primitives/Card', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const t = text[langOf({ globals })];
  const canvas = within(canvasElement);
  expect(canvas.getByRole('heading', { level: 3, name: t.title })).toBeVisible();
  // Text starts at the inline start: right edge in RTL, left in LTR.
  const title = canvas.getByText(t.title);
  const card = title.closest('[data-slot="card"]') as HTMLElement;
  const titleBox = title.getBoundingClientRect();
  const cardBox = card.getBoundingClientRect();
  if (langOf({ globals }) === 'ar') expect(cardBox.right - titleBox.right).toBeLessThan(cardBox.width / 4);
  else expect(titleBox.left - cardBox.left).toBeLessThan(cardBox.width / 4);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
