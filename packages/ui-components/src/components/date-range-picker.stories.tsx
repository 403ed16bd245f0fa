import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { datePickerLabels } from '../stories/fixtures';
import {
  ArabicRtlDarkGlobals,
  ArabicRtlLightGlobals,
  EnglishLtrDarkGlobals,
  EnglishLtrLightGlobals,
  type Lang,
  langOf,
} from '../stories/story-helpers';
import { DateRangePicker, type DateRangeValue } from './date-range-picker';

type Args = { onChange: (value: DateRangeValue) => void; defaultOpen?: boolean; initial?: DateRangeValue };

function PickerDemo({ onChange, defaultOpen, initial, lang }: Args & { lang: Lang }) {
  const [value, setValue] = useState<DateRangeValue>(initial ?? { preset: 'last_7_days', comparison: 'previous_period' });
  return (
    <div className="min-h-[26rem]">
      <DateRangePicker
        value={value}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
        labels={datePickerLabels[lang]}
        maxDate="2025-10-31"
        defaultOpen={defaultOpen ?? false}
      />
    </div>
  );
}

const meta = {
  title: 'Analytics/DateRangePicker',
  render: (args, context) => <PickerDemo {...args} lang={langOf(context)} />,
  args: { onChange: fn() },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Picks "last 30 days" + "same period last year", then a custom range with no comparison. */
async function play({ canvasElement, globals, args }: Pick<StoryContext, 'canvasElement' | 'globals'> & { args: { onChange: ReturnType<typeof fn> } }) {
  const labels = datePickerLabels[langOf({ globals })];
  const canvas = within(canvasElement);
  const trigger = canvas.getByRole('button', { name: new RegExp(labels.presets.last_7_days) });

  await userEvent.click(trigger);
  const dialog = await screen.findByRole('dialog');
  const presets = within(dialog).getAllByRole('radio').map((radio) => radio.textContent);
  expect(presets).toEqual(
    [
      'today',
      'yesterday',
      'last_7_days',
      'last_30_days',
      'this_week',
      'last_week',
      'this_month',
      'last_month',
      'this_quarter',
      'this_year',
      'custom',
    ].map((preset) => labels.presets[preset as keyof typeof labels.presets]).concat(['', '', '']),
  );
  await userEvent.click(within(dialog).getByRole('radio', { name: labels.presets.last_30_days }));
  await userEvent.click(within(dialog).getByRole('radio', { name: labels.comparison.previous_year }));
  await userEvent.click(within(dialog).getByRole('button', { name: labels.apply }));
  expect(args.onChange).toHaveBeenLastCalledWith({ preset: 'last_30_days', comparison: 'previous_year' });
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  expect(trigger).toHaveTextContent(labels.presets.last_30_days);
  expect(trigger).toHaveTextContent(labels.comparison.previous_year);

  // Custom range: apply is blocked while the end is before the start.
  await userEvent.click(trigger);
  const again = await screen.findByRole('dialog');
  await userEvent.click(within(again).getByRole('radio', { name: labels.presets.custom }));
  const from = within(again).getByLabelText(labels.from);
  const to = within(again).getByLabelText(labels.to);
  await userEvent.type(from, '2025-09-10');
  await userEvent.type(to, '2025-09-01');
  expect(within(again).getByRole('alert')).toHaveTextContent(labels.invalidRange);
  expect(within(again).getByRole('button', { name: labels.apply })).toBeDisabled();
  await userEvent.clear(to);
  await userEvent.type(to, '2025-09-30');
  await userEvent.click(within(again).getByRole('radio', { name: labels.comparison.none }));
  await userEvent.click(within(again).getByRole('button', { name: labels.apply }));
  expect(args.onChange).toHaveBeenLastCalledWith({
    preset: 'custom',
    fromDate: '2025-09-10',
    toDate: '2025-09-30',
    comparison: 'none',
  });
  expect(args.onChange).toHaveBeenCalledTimes(2);
}

export const ArabicRtlLight: Story = { ...ArabicRtlLightGlobals, play };
export const ArabicRtlDark: Story = { ...ArabicRtlDarkGlobals, play };
export const EnglishLtrLight: Story = { ...EnglishLtrLightGlobals, play };
export const EnglishLtrDark: Story = { ...EnglishLtrDarkGlobals, play };

/** Opened, for screenshots and visual review. */
export const OpenArabicRtlDark: Story = {
  ...ArabicRtlDarkGlobals,
  args: { defaultOpen: true },
  play: async () => {
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: datePickerLabels.ar.presets.last_7_days })).toHaveAttribute(
      'aria-checked',
      'true',
    );
  },
};

export const CancelEmitsNothing: Story = {
  ...ArabicRtlLightGlobals,
  args: { defaultOpen: true },
  play: async ({ args }) => {
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: datePickerLabels.ar.presets.last_7_days })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    // Cancel emits nothing.
    await userEvent.click(within(dialog).getByRole('radio', { name: datePickerLabels.ar.presets.today }));
    await userEvent.click(within(dialog).getByRole('button', { name: datePickerLabels.ar.cancel }));
    expect(args.onChange).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  },
};

/** A custom range: the trigger shows the formatted dates; the panel shows the date fields. */
export const OpenCustomArabicRtlLight: Story = {
  ...ArabicRtlLightGlobals,
  args: {
    defaultOpen: true,
    initial: { preset: 'custom', fromDate: '2025-09-01', toDate: '2025-09-30', comparison: 'previous_year' },
  },
  play: async ({ canvasElement }) => {
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText(datePickerLabels.ar.from)).toHaveValue('2025-09-01');
    expect(within(dialog).getByLabelText(datePickerLabels.ar.to)).toHaveValue('2025-09-30');
    // Gregorian dates with Arabic-Indic digits, not the Hijri default of ar-SA.
    expect(within(canvasElement).getByRole('button', { expanded: true })).toHaveTextContent('سبتمبر');
  },
};

export const OpenEnglishLtrLight: Story = {
  ...EnglishLtrLightGlobals,
  args: { defaultOpen: true },
};
