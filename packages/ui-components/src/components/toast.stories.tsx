import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, screen, userEvent, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Button } from './button';
import { Toaster, toast } from './toast';

const text = {
  ar: { show: 'حفظ', saved: 'تم حفظ الإعدادات', detail: 'ستظهر التغييرات في التقارير القادمة.' },
  en: { show: 'Save', saved: 'Settings saved', detail: 'Changes apply to upcoming reports.' },
};

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  const dark = context.globals.theme === 'dark';
  return (
    <div className="min-h-40">
      <Button onClick={() => toast.success(t.saved, { description: t.detail })}>{t.show}</Button>
      <Toaster theme={dark ? 'dark' : 'light'} />
    </div>
  );
}

const meta = { title: 'Primitives/Toast', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Shows a toast at the bottom inline-end corner (bottom-left in RTL, bottom-right in LTR). */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const t = text[lang];
  await userEvent.click(within(canvasElement).getByRole('button', { name: t.show }));
  const message = await screen.findByText(t.saved);
  const toaster = message.closest('[data-sonner-toaster]') as HTMLElement;
  expect(toaster).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  expect(toaster).toHaveAttribute('data-x-position', lang === 'ar' ? 'left' : 'right');
  expect(toaster).toHaveAttribute('data-y-position', 'bottom');
  toast.dismiss();
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
