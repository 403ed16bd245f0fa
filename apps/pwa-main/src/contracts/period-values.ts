import type { ComparisonMode, PeriodPreset } from '@salla-analytics/core-library';

// Plain lists (no zod, no core-library runtime) for the browser bundle: constructing zod schemas
// there makes zod probe `new Function('')`, which our CSP reports. The server validates with zod.
export const URL_PERIOD_PRESETS = [
  'today',
  'yesterday',
  'last_7_days',
  'last_30_days',
  'this_week',
  'last_week',
  'this_month',
  'last_month',
  'this_quarter',
  'last_quarter',
  'this_year',
  'last_year',
  'custom',
] as const satisfies readonly PeriodPreset[];

export const URL_COMPARISONS = ['previous_period', 'previous_year', 'none'] as const satisfies readonly (ComparisonMode | 'none')[];

// Compile-time check that the lists above name every preset and comparison core-library knows.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : Exclude<All, Listed>;
const presetsComplete: Missing<PeriodPreset, (typeof URL_PERIOD_PRESETS)[number]> = true;
const comparisonsComplete: Missing<ComparisonMode | 'none', (typeof URL_COMPARISONS)[number]> = true;
void presetsComplete;
void comparisonsComplete;

export type UrlPeriod = {
  preset: (typeof URL_PERIOD_PRESETS)[number];
  compare: (typeof URL_COMPARISONS)[number];
  from?: string;
  to?: string;
};

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** The period in a page URL; anything invalid falls back to the default (last 30 days vs previous). */
export function readUrlPeriod(get: (name: string) => string | null): UrlPeriod {
  const preset = URL_PERIOD_PRESETS.find((p) => p === get('preset')) ?? 'last_30_days';
  const compare = URL_COMPARISONS.find((c) => c === get('compare')) ?? 'previous_period';
  if (preset !== 'custom') return { preset, compare };
  const from = get('from') ?? '';
  const to = get('to') ?? '';
  if (!LOCAL_DATE.test(from) || !LOCAL_DATE.test(to) || from > to) return { preset: 'last_30_days', compare };
  return { preset, compare, from, to };
}
