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
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from './dialog';

const text = {
  ar: {
    open: 'جدولة تقرير',
    title: 'جدولة تقرير أسبوعي',
    description: 'يصلك ملخص المبيعات كل يوم أحد عبر البريد الإلكتروني.',
    confirm: 'جدولة',
    cancel: 'إلغاء',
    close: 'إغلاق',
  },
  en: {
    open: 'Schedule report',
    title: 'Schedule a weekly report',
    description: 'A sales summary is emailed to you every Sunday.',
    confirm: 'Schedule',
    cancel: 'Cancel',
    close: 'Close',
  },
};

function Example(_: unknown, context: StoryContext) {
  const t = text[langOf(context)];
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button>{t.open}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t.close}>
        <DialogHeader>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogDescription>{t.description}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t.cancel}</Button>
          </DialogClose>
          <DialogClose asChild>
            <Button>{t.confirm}</Button>
          </DialogClose>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

const meta = { title: 'Primitives/Dialog', render: Example } satisfies Meta;
export default meta;
type Story = StoryObj<typeof meta>;

/** Opens, checks name and RTL close button placement, closes with the X, reopens, closes with Escape. */
async function play({ canvasElement, globals }: Pick<StoryContext, 'canvasElement' | 'globals'>) {
  const lang = langOf({ globals });
  const t = text[lang];
  const canvas = within(canvasElement);
  expect(screen.queryByRole('dialog')).toBeNull();

  await userEvent.click(canvas.getByRole('button', { name: t.open }));
  const dialog = await screen.findByRole('dialog', { name: t.title });
  expect(dialog).toHaveAccessibleDescription(t.description);
  const close = within(dialog).getByRole('button', { name: t.close });
  const d = dialog.getBoundingClientRect();
  const c = close.getBoundingClientRect();
  // The corner close button sits at the inline end: top-left in RTL, top-right in LTR.
  if (lang === 'ar') expect(c.left - d.left).toBeLessThan(40);
  else expect(d.right - c.right).toBeLessThan(40);

  await userEvent.click(close);
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

  await userEvent.click(canvas.getByRole('button', { name: t.open }));
  await screen.findByRole('dialog');
  await userEvent.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
