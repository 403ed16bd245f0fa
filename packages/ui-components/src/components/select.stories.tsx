import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  langOf,
} from '../stories/story-helpers';
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from './select';

const text = {
  ar: { label: 'التجميع', placeholder: 'اختر', day: 'يومي', week: 'أسبوعي', month: 'شهري' },
  en: { label: 'Granularity', placeholder: 'Choose', day: 'Daily', week: 'Weekly', month: 'Monthly' },
};

type Args = { onValueChange: (value: string) => void };

function Example({ onValueChange }: Args, context: StoryContext<Args>) {
  const t = text[langOf(context)];
  return (
    <div className="min-h-48">
      <Select defaultValue="day" onValueChange={onValueChange}>
        <SelectTrigger aria-label={t.label}>
          <SelectValue placeholder={t.placeholder} />
        </SelectTrigger>
        <SelectContent>
          <SelectGroup>
            <SelectLabel>{t.label}</SelectLabel>
            <SelectItem value="day">{t.day}</SelectItem>
            <SelectItem value="week">{t.week}</SelectItem>
            <SelectItem value="month">{t.month}</SelectItem>
          </SelectGroup>
        </SelectContent>
      </Select>
    </div>
  );
}

const meta = { title: 'Primitives/Select', render: Example, args: { onValueChange: fn() } } satisfies Meta<Args>;
export default meta;
type Story = StoryObj<typeof meta>;

async function play({ canvasElement, globals, args }: Pick<StoryContext, 'canvasElement' | 'globals'> & { args: { onValueChange: ReturnType<typeof fn> } }) {
  const t = text[langOf({ globals })];
  const canvas = within(canvasElement);
  const trigger = canvas.getByRole('combobox', { name: t.label });
  expect(trigger).toHaveTextContent(t.day);
  await userEvent.click(trigger);
  const listbox = await screen.findByRole('listbox');
  // The listbox inherits the direction (Radix DirectionProvider).
  expect(listbox.closest('[dir]')).toHaveAttribute('dir', langOf({ globals }) === 'ar' ? 'rtl' : 'ltr');
  await userEvent.click(within(listbox).getByRole('option', { name: t.month }));
  expect(args.onValueChange).toHaveBeenCalledWith('month');
  await waitFor(() => expect(trigger).toHaveTextContent(t.month));
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };
