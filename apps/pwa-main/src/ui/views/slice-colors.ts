/** Distinct colours for up to ten slices (the theme has five chart colours; the rest are neutrals and accents). */
export const SLICE_COLORS = [
  'var(--color-chart-1)',
  'var(--color-chart-2)',
  'var(--color-chart-3)',
  'var(--color-chart-4)',
  'var(--color-chart-5)',
  'var(--color-chart-comparison)',
  'var(--color-accent-foreground)',
  'var(--color-secondary-foreground)',
  'var(--color-warning)',
];

export const sliceColor = (index: number): string => SLICE_COLORS[index % SLICE_COLORS.length] as string;

/** Order statuses keep their meaning in colour: canceled red, refunded dark, the rest in order. */
export function statusColor(slug: string, index: number): string {
  if (slug === 'canceled' || slug === 'cancelled') return 'var(--color-destructive)';
  if (slug === 'refunded' || slug === 'restored' || slug === 'restoring') return 'var(--color-accent-foreground)';
  return SLICE_COLORS[index % 5] as string;
}
