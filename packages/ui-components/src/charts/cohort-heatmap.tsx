import type { CSSProperties } from 'react';
import { useUi } from '../components/ui-provider';
import { cn } from '../lib/cn';
import { formatNumber, formatPercent } from '../lib/format/number';

export interface CohortRow {
  /** Already formatted cohort label, e.g. 'Jan 2025' / 'يناير ٢٠٢٥'. */
  cohort: string;
  /** Customers in the cohort. */
  size: number;
  /** Retention ratio (0..1) per period since acquisition, index 0 = the acquisition period; null = not yet elapsed. */
  retention: readonly (number | null)[];
}

export interface CohortHeatmapLabels {
  /** Header of the cohort column, e.g. 'Cohort' / 'الفئة'. */
  cohort: string;
  /** Header of the size column, e.g. 'Customers' / 'العملاء'. */
  size: string;
  /** Period column header from its index, e.g. (i) => `Month ${i}` / `الشهر ${i}`. */
  period: (index: number, formattedIndex: string) => string;
  /** Legend captions for the colour scale ends. */
  scaleLow?: string;
  scaleHigh?: string;
}

export interface CohortHeatmapProps {
  rows: readonly CohortRow[];
  labels: CohortHeatmapLabels;
  /** Retention shown at full colour; default the highest value after period 0 (period 0 is ~100 %). */
  scaleMax?: number;
  locale?: string;
  caption?: string;
  className?: string;
}

/** Colour strength in [0, 1] for a retention value on a scale topping out at max. */
export function heatIntensity(value: number, max: number): number {
  if (!(max > 0) || !Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value / max));
}

function defaultMax(rows: readonly CohortRow[]): number {
  let max = 0;
  for (const row of rows) {
    row.retention.forEach((value, index) => {
      if (index > 0 && typeof value === 'number' && value > max) max = value;
    });
  }
  return max > 0 ? max : 1;
}

/**
 * Cohort retention grid (an HTML table, so it mirrors in RTL with period 0 next to the cohort
 * label). Each cell is colour-mixed from transparent to --color-heatmap by retention.
 */
export function CohortHeatmap({ rows, labels, scaleMax, locale, caption, className }: CohortHeatmapProps) {
  const ui = useUi();
  const activeLocale = locale ?? ui.locale;
  const max = scaleMax ?? defaultMax(rows);
  const periods = Math.max(0, ...rows.map((row) => row.retention.length));

  return (
    <div data-slot="cohort-heatmap" className={cn('flex flex-col gap-3', className)}>
      <div className="overflow-x-auto">
        <table className="w-full border-separate border-spacing-0.5 text-xs">
          {caption && <caption className="mb-2 text-start text-muted-foreground text-sm">{caption}</caption>}
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1.5 text-start font-medium text-muted-foreground">
                {labels.cohort}
              </th>
              <th scope="col" className="px-2 py-1.5 text-end font-medium text-muted-foreground">
                {labels.size}
              </th>
              {Array.from({ length: periods }, (_, index) => (
                <th
                  // biome-ignore lint/suspicious/noArrayIndexKey: periods are positional
                  key={index}
                  scope="col"
                  className="whitespace-nowrap px-2 py-1.5 text-center font-medium text-muted-foreground"
                >
                  {labels.period(index, formatNumber(index, activeLocale))}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.cohort}>
                <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-start font-medium">
                  {row.cohort}
                </th>
                <td className="px-2 py-1.5 text-end text-muted-foreground tabular-nums">
                  {formatNumber(row.size, activeLocale)}
                </td>
                {Array.from({ length: periods }, (_, index) => {
                  const value = row.retention[index];
                  if (typeof value !== 'number') {
                    // biome-ignore lint/suspicious/noArrayIndexKey: periods are positional
                    return <td key={index} className="rounded-sm bg-muted/30" />;
                  }
                  const strength = heatIntensity(value, max);
                  const style: CSSProperties = {
                    backgroundColor: `color-mix(in oklch, var(--color-heatmap) ${Math.round(strength * 100)}%, transparent)`,
                  };
                  return (
                    <td
                      // biome-ignore lint/suspicious/noArrayIndexKey: periods are positional
                      key={index}
                      data-intensity={strength.toFixed(2)}
                      style={style}
                      className={cn(
                        'min-w-12 rounded-sm px-2 py-1.5 text-center tabular-nums',
                        strength > 0.55 ? 'text-primary-foreground' : 'text-foreground',
                      )}
                    >
                      {formatPercent(value, activeLocale)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-2 text-muted-foreground text-xs" aria-hidden="true">
        <span>{labels.scaleLow ?? formatPercent(0, activeLocale)}</span>
        <span
          className="h-2 w-32 rounded-full"
          style={{
            backgroundImage: `linear-gradient(to ${ui.dir === 'rtl' ? 'left' : 'right'}, transparent, var(--color-heatmap))`,
            outline: '1px solid var(--color-border)',
          }}
        />
        <span>{labels.scaleHigh ?? formatPercent(max, activeLocale)}</span>
      </div>
    </div>
  );
}
