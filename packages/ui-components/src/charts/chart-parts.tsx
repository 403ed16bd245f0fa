import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

/** Series colours from the theme (light and dark differ); index wraps. */
export const CHART_COLORS = [
  'var(--color-chart-1)',
  'var(--color-chart-2)',
  'var(--color-chart-3)',
  'var(--color-chart-4)',
  'var(--color-chart-5)',
] as const;

export function chartColor(index: number): string {
  return CHART_COLORS[index % CHART_COLORS.length] ?? 'var(--color-chart-1)';
}

export const AXIS_TICK = { fill: 'var(--color-muted-foreground)', fontSize: 12 } as const;

export interface TooltipRow {
  key: string;
  label: string;
  value: string;
  color: string;
  dashed?: boolean;
}

/** Tooltip body in HTML, so it follows the page direction even though the SVG is laid out LTR. */
export function ChartTooltipBox({ title, rows, dir }: { title?: ReactNode; rows: TooltipRow[]; dir: 'ltr' | 'rtl' }) {
  return (
    <div
      dir={dir}
      className="min-w-36 rounded-md border bg-popover px-3 py-2 text-popover-foreground text-xs shadow-md"
      data-slot="chart-tooltip"
    >
      {title !== undefined && <div className="mb-1 font-medium">{title}</div>}
      <ul className="flex flex-col gap-1">
        {rows.map((row) => (
          <li key={row.key} className="flex items-center gap-2">
            <span
              aria-hidden="true"
              className={cn('inline-block h-0.5 w-3 shrink-0', row.dashed && 'border-t-2 border-dashed bg-transparent')}
              style={row.dashed ? { borderColor: row.color } : { backgroundColor: row.color }}
            />
            <span className="text-muted-foreground">{row.label}</span>
            <span className="ms-auto font-medium tabular-nums">{row.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface LegendItem {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
  value?: string;
}

/** An HTML legend (wraps and mirrors with the page, unlike recharts' SVG legend). */
export function ChartLegend({ items, className }: { items: LegendItem[]; className?: string }) {
  return (
    <ul className={cn('flex flex-wrap items-center gap-x-4 gap-y-1 text-muted-foreground text-xs', className)}>
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={cn('inline-block shrink-0', item.dashed ? 'w-3 border-t-2 border-dashed' : 'size-2.5 rounded-sm')}
            style={item.dashed ? { borderColor: item.color } : { backgroundColor: item.color }}
          />
          <span>{item.label}</span>
          {item.value !== undefined && <span className="font-medium text-foreground tabular-nums">{item.value}</span>}
        </li>
      ))}
    </ul>
  );
}
