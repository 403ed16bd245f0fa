import type { ComparisonMode, PeriodPreset } from '@salla-analytics/core-library';
import { CalendarIcon, ChevronDownIcon } from 'lucide-react';
import { Popover, RadioGroup } from 'radix-ui';
import { useId, useState } from 'react';
import { cn } from '../lib/cn';
import { formatLocalDateRange, isLocalDate } from '../lib/format/date';
import { Button } from './button';
import { useUi } from './ui-provider';

export type ComparisonChoice = ComparisonMode | 'none';

/**
 * What the picker emits. The picker never computes periods: the app resolves `preset` (or the
 * custom local dates) in the merchant's time zone and week start with core-library's
 * resolvePeriod / comparisonPeriod.
 */
export interface DateRangeValue {
  preset: PeriodPreset;
  /** 'YYYY-MM-DD', only for preset 'custom'. */
  fromDate?: string;
  /** 'YYYY-MM-DD' inclusive, only for preset 'custom'. */
  toDate?: string;
  comparison: ComparisonChoice;
}

export const DEFAULT_DATE_PRESETS = [
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
] as const satisfies readonly PeriodPreset[];

export const COMPARISON_CHOICES = ['previous_period', 'previous_year', 'none'] as const satisfies readonly ComparisonChoice[];

export interface DateRangePickerLabels {
  presets: Record<PeriodPreset, string>;
  comparison: Record<ComparisonChoice, string>;
  presetsHeading: string;
  comparisonHeading: string;
  from: string;
  to: string;
  apply: string;
  cancel: string;
  /** Shown when a custom range ends before it starts. */
  invalidRange: string;
}

export interface DateRangePickerProps {
  value: DateRangeValue;
  onChange: (value: DateRangeValue) => void;
  labels: DateRangePickerLabels;
  /** Which presets to offer, in order. Default DEFAULT_DATE_PRESETS. */
  presets?: readonly PeriodPreset[];
  /** Latest selectable custom date ('YYYY-MM-DD', usually the merchant's local today). */
  maxDate?: string;
  /** Intl locale for showing custom dates; defaults to UiProvider's. */
  locale?: string;
  /** Start open (stories and tests). */
  defaultOpen?: boolean;
  className?: string;
}

function normalised(draft: DateRangeValue): DateRangeValue {
  if (draft.preset === 'custom') {
    return { preset: 'custom', fromDate: draft.fromDate ?? '', toDate: draft.toDate ?? '', comparison: draft.comparison };
  }
  return { preset: draft.preset, comparison: draft.comparison };
}

function customRangeError(draft: DateRangeValue): 'missing' | 'order' | null {
  if (draft.preset !== 'custom') return null;
  if (!draft.fromDate || !draft.toDate || !isLocalDate(draft.fromDate) || !isLocalDate(draft.toDate)) return 'missing';
  return draft.fromDate > draft.toDate ? 'order' : null;
}

export function DateRangePicker({
  value,
  onChange,
  labels,
  presets = DEFAULT_DATE_PRESETS,
  maxDate,
  locale,
  defaultOpen = false,
  className,
}: DateRangePickerProps) {
  const ui = useUi();
  const id = useId();
  const [open, setOpen] = useState(defaultOpen);
  const [draft, setDraft] = useState<DateRangeValue>(value);
  const error = customRangeError(draft);

  const summary =
    value.preset === 'custom' && value.fromDate && value.toDate
      ? formatLocalDateRange(value.fromDate, value.toDate, locale ?? ui.locale)
      : labels.presets[value.preset];

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        if (next) setDraft(value);
        setOpen(next);
      }}
    >
      <Popover.Trigger asChild>
        <Button variant="outline" data-slot="date-range-trigger" className={cn('justify-between', className)}>
          <CalendarIcon aria-hidden="true" />
          <span>{summary}</span>
          {value.comparison !== 'none' && (
            <span className="text-muted-foreground text-xs">· {labels.comparison[value.comparison]}</span>
          )}
          <ChevronDownIcon className="opacity-60" aria-hidden="true" />
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="start"
          sideOffset={6}
          data-slot="date-range-content"
          className="z-50 flex w-[min(40rem,calc(100vw-1rem))] animate-ui-fade-in flex-col gap-4 rounded-lg border bg-popover p-4 text-popover-foreground shadow-md outline-none sm:flex-row"
        >
          <fieldset className="flex flex-col gap-1 sm:w-72 sm:shrink-0 sm:border-e sm:pe-4">
            <legend id={`${id}-presets`} className="mb-1 font-medium text-muted-foreground text-xs">
              {labels.presetsHeading}
            </legend>
            <RadioGroup.Root
              aria-labelledby={`${id}-presets`}
              value={draft.preset}
              onValueChange={(preset) => setDraft((d) => ({ ...d, preset: preset as PeriodPreset }))}
              className="grid grid-cols-2 gap-1"
            >
              {presets.map((preset) => (
                <RadioGroup.Item
                  key={preset}
                  value={preset}
                  className="cursor-pointer rounded-md px-2 py-1.5 text-start text-sm outline-none hover:bg-muted focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=checked]:bg-primary data-[state=checked]:text-primary-foreground"
                >
                  {labels.presets[preset]}
                </RadioGroup.Item>
              ))}
            </RadioGroup.Root>
          </fieldset>

          <div className="flex flex-1 flex-col gap-4">
            {draft.preset === 'custom' && (
              <div className="grid grid-cols-2 gap-2">
                <label className="flex flex-col gap-1 text-sm">
                  <span className="text-muted-foreground text-xs">{labels.from}</span>
                  <input
                    type="date"
                    value={draft.fromDate ?? ''}
                    max={maxDate}
                    onChange={(event) => setDraft((d) => ({ ...d, fromDate: event.target.value }))}
                    className="h-9 rounded-md border border-input bg-transparent px-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30 dark:[color-scheme:dark]"
                  />
                </label>
                <label className="flex flex-col gap-1 text-sm">
                  <span className="text-muted-foreground text-xs">{labels.to}</span>
                  <input
                    type="date"
                    value={draft.toDate ?? ''}
                    min={draft.fromDate || undefined}
                    max={maxDate}
                    onChange={(event) => setDraft((d) => ({ ...d, toDate: event.target.value }))}
                    className="h-9 rounded-md border border-input bg-transparent px-2 text-sm shadow-xs outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 dark:bg-input/30 dark:[color-scheme:dark]"
                  />
                </label>
                {error === 'order' && (
                  <p role="alert" className="col-span-2 text-destructive text-xs">
                    {labels.invalidRange}
                  </p>
                )}
              </div>
            )}

            <fieldset className="flex flex-col gap-1">
              <legend id={`${id}-comparison`} className="mb-1 font-medium text-muted-foreground text-xs">
                {labels.comparisonHeading}
              </legend>
              <RadioGroup.Root
                aria-labelledby={`${id}-comparison`}
                value={draft.comparison}
                onValueChange={(comparison) => setDraft((d) => ({ ...d, comparison: comparison as ComparisonChoice }))}
                className="flex flex-col gap-1.5"
              >
                {COMPARISON_CHOICES.map((choice) => (
                  <div key={choice} className="flex items-center gap-2 text-sm">
                    <RadioGroup.Item
                      id={`${id}-comparison-${choice}`}
                      value={choice}
                      className="flex size-4 shrink-0 cursor-pointer items-center justify-center rounded-full border border-input outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 data-[state=checked]:border-primary"
                    >
                      <RadioGroup.Indicator className="size-2 rounded-full bg-primary" />
                    </RadioGroup.Item>
                    <label htmlFor={`${id}-comparison-${choice}`} className="cursor-pointer">
                      {labels.comparison[choice]}
                    </label>
                  </div>
                ))}
              </RadioGroup.Root>
            </fieldset>

            <div className="mt-auto flex justify-end gap-2">
              <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
                {labels.cancel}
              </Button>
              <Button
                size="sm"
                disabled={error !== null}
                onClick={() => {
                  onChange(normalised(draft));
                  setOpen(false);
                }}
              >
                {labels.apply}
              </Button>
            </div>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
