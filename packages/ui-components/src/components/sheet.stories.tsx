import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Button } from './button';
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from './sheet';

const text = {
  ar: { open: 'الفلاتر', title: 'تصفية الطلبات', description: 'حسب المدينة وطريقة الدفع والحالة.', close: 'إغلاق' },
  en: { open: 'Filters', title: 'Filter orders', description: 'By city, payment method and status.', close: 'Close' },
};

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button variant="outline">{t.open}</Button>
      </SheetTrigger>
      <SheetContent side="end" closeLabel={t.close}>
        <SheetHeader>
          <SheetTitle>{t.title}</SheetTitle>
          <SheetDescription>{t.description}</SheetDescription>
        </SheetHeader>
      </SheetContent>
    </Sheet>
  );
}

const meta = { title: 'Primitives/Sheet', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** side="end" opens at the right edge in LTR and the left edge in RTL. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const t = text[lang];
  await userEvent.click(within(canvasElement).getByRole('button', { name: t.open }));
  const sheet = await screen.findByRole('dialog', { name: t.title });
  await waitFor(() => {
    const box = sheet.getBoundingClientRect();
    if (lang === 'ar') expect(box.left).toBeLessThan(1);
    else expect(Math.abs(box.right - window.innerWidth)).toBeLessThan(1);
  });
  await userEvent.click(within(sheet).getByRole('button', { name: t.close }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
