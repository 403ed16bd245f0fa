import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { DownloadIcon, RefreshCwIcon } from 'lucide-react';
import { expect, fn, userEvent, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Button } from './button';

const text = {
  ar: { primary: 'حفظ الإعدادات', secondary: 'ثانوي', outline: 'تنزيل التقرير', ghost: 'تحديث', destructive: 'حذف', link: 'عرض الكل' },
  en: { primary: 'Save settings', secondary: 'Secondary', outline: 'Download report', ghost: 'Refresh', destructive: 'Delete', link: 'View all' },
};

type Args = { onClick: () => void };

function Buttons({ onClick }: Args, context: StoryContext<Args>) {
  const t = text[langOf(context)];
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={onClick}>{t.primary}</Button>
        <Button variant="secondary">{t.secondary}</Button>
        <Button variant="outline">
          <DownloadIcon aria-hidden="true" />
          {t.outline}
        </Button>
        <Button variant="ghost">
          <RefreshCwIcon aria-hidden="true" />
          {t.ghost}
        </Button>
        <Button variant="destructive">{t.destructive}</Button>
        <Button variant="link">{t.link}</Button>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm">{t.primary}</Button>
        <Button size="lg">{t.primary}</Button>
        <Button size="icon" aria-label={t.ghost}>
          <RefreshCwIcon aria-hidden="true" />
        </Button>
        <Button disabled>{t.primary}</Button>
        <Button asChild variant="outline">
          <a href="#reports">{t.link}</a>
        </Button>
      </div>
    </div>
  );
}

const meta = { title: 'Primitives/Button', render: Buttons, args: { onClick: fn() } } satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

async function play({ canvasElement, globals, args }: Pick<StoryContext, 'canvasElement' | 'globals'> & { args: { onClick: ReturnType<typeof fn> } }) {
  const t = text[langOf({ globals })];
  const canvas = within(canvasElement);
  const [primary, , , disabled] = canvas.getAllByRole('button', { name: t.primary });
  await userEvent.click(primary!);
  expect(args.onClick).toHaveBeenCalledTimes(1);
  expect(primary).toHaveAttribute('type', 'button');
  expect(disabled).toBeDisabled();
  // asChild renders the link itself with button styles.
  expect(canvas.getByRole('link', { name: t.link })).toHaveAttribute('data-slot', 'button');
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
