import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Tabs, TabsContent, TabsList, TabsTrigger } from './tabs';

const text = {
  ar: { revenue: 'الإيرادات', orders: 'الطلبات', aov: 'متوسط قيمة الطلب', revenueBody: 'محتوى الإيرادات', ordersBody: 'محتوى الطلبات', aovBody: 'محتوى متوسط الطلب' },
  en: { revenue: 'Revenue', orders: 'Orders', aov: 'Average order value', revenueBody: 'Revenue panel', ordersBody: 'Orders panel', aovBody: 'AOV panel' },
};

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <Tabs defaultValue="revenue" className="max-w-lg">
      <TabsList>
        <TabsTrigger value="revenue">{t.revenue}</TabsTrigger>
        <TabsTrigger value="orders">{t.orders}</TabsTrigger>
        <TabsTrigger value="aov">{t.aov}</TabsTrigger>
      </TabsList>
      <TabsContent value="revenue">{t.revenueBody}</TabsContent>
      <TabsContent value="orders">{t.ordersBody}</TabsContent>
      <TabsContent value="aov">{t.aovBody}</TabsContent>
    </Tabs>
  );
}

const meta = { title: 'Primitives/Tabs', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Clicking switches panels; the "next" arrow key follows the reading direction (← in RTL). */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const t = text[lang];
  const canvas = within(canvasElement);
  expect(canvas.getByRole('tabpanel')).toHaveTextContent(t.revenueBody);
  await userEvent.click(canvas.getByRole('tab', { name: t.orders }));
  expect(canvas.getByRole('tabpanel')).toHaveTextContent(t.ordersBody);
  await userEvent.keyboard(lang === 'ar' ? '{ArrowLeft}' : '{ArrowRight}');
  expect(canvas.getByRole('tab', { name: t.aov })).toHaveFocus();
  expect(canvas.getByRole('tab', { name: t.aov })).toHaveAttribute('aria-selected', 'true');
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
