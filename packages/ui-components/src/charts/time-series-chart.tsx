import { useId } from 'react';
import { Area, AreaChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useUi } from '../components/ui-provider';
import { formatLocalDate } from '../lib/format/date';
import { formatCompactNumber, formatNumber } from '../lib/format/number';
import { AXIS_TICK, ChartLegend, ChartTooltipBox, type TooltipRow } from './chart-parts';

export interface TimeSeriesPoint {
  /** Local date 'YYYY-MM-DD' (bucket start for weeks and months). */
  date: string;
  value: number | null;
  /** The comparison period's value for the aligned bucket (day 1 with day 1 …). */
  comparison?: number | null;
  /** The comparison bucket's own date, for the tooltip. */
  comparisonDate?: string;
}

export interface TimeSeriesChartProps {
  data: readonly TimeSeriesPoint[];
  variant?: 'line' | 'area';
  seriesLabel: string;
  /** Set to draw the comparison series (dashed) from `point.comparison`. */
  comparisonLabel?: string;
  /** Tooltip values; default formatNumber in the locale. Use formatMoney for revenue. */
  formatValue?: (value: number, locale: string) => string;
  /** Y-axis ticks; default compact numbers. */
  formatAxisValue?: (value: number, locale: string) => string;
  /** X-axis ticks and tooltip title; default day + short month. */
  formatDate?: (date: string, locale: string) => string;
  height?: number;
  locale?: string;
  /** Accessible description of the chart. */
  ariaLabel?: string;
  className?: string;
}

const defaultDate = (date: string, locale: string) => formatLocalDate(date, locale, { day: 'numeric', month: 'short' });

/**
 * Line or area chart over time with an optional comparison series.
 *
 * RTL convention: time runs right-to-left (the newest bucket at the left, the value axis on the
 * right), as Arabic readers scan and as Arabic editions of analytics tools draw it. The SVG itself
 * is laid out LTR so recharts' text anchors stay physical; only the axis order mirrors.
 */
export function TimeSeriesChart({
  data,
  variant = 'area',
  seriesLabel,
  comparisonLabel,
  formatValue = formatNumber,
  formatAxisValue = formatCompactNumber,
  formatDate = defaultDate,
  height = 280,
  locale,
  ariaLabel,
  className,
}: TimeSeriesChartProps) {
  const ui = useUi();
  const activeLocale = locale ?? ui.locale;
  const rtl = ui.dir === 'rtl';
  const showComparison = comparisonLabel !== undefined && data.some((p) => typeof p.comparison === 'number');
  const rows = data.map((p) => ({ ...p }));
  const fillId = `ui-area-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;

  const tooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) => {
    const point = payload?.[0]?.payload as TimeSeriesPoint | undefined;
    if (!active || !point) return null;
    const items: TooltipRow[] = [];
    if (typeof point.value === 'number') {
      items.push({
        key: 'value',
        label: seriesLabel,
        value: formatValue(point.value, activeLocale),
        color: 'var(--color-chart-1)',
      });
    }
    if (showComparison && typeof point.comparison === 'number') {
      items.push({
        key: 'comparison',
        label: point.comparisonDate
          ? `${comparisonLabel} (${formatDate(point.comparisonDate, activeLocale)})`
          : (comparisonLabel ?? ''),
        value: formatValue(point.comparison, activeLocale),
        color: 'var(--color-chart-comparison)',
        dashed: true,
      });
    }
    return <ChartTooltipBox dir={ui.dir} title={formatDate(point.date, activeLocale)} rows={items} />;
  };

  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="var(--color-chart-grid)" />
      <XAxis
        dataKey="date"
        reversed={rtl}
        tickLine={false}
        axisLine={false}
        tickMargin={8}
        minTickGap={24}
        tick={AXIS_TICK}
        tickFormatter={(date: string) => formatDate(date, activeLocale)}
      />
      <YAxis
        orientation={rtl ? 'right' : 'left'}
        tickLine={false}
        axisLine={false}
        // 'auto' measures the widest tick: compact Arabic money ('٢٠ ألف ر.س.') is much wider than '20K'.
        width="auto"
        tick={AXIS_TICK}
        tickFormatter={(value: number) => formatAxisValue(value, activeLocale)}
      />
      <Tooltip content={tooltip} cursor={{ stroke: 'var(--color-border)' }} />
    </>
  );

  return (
    <figure data-slot="time-series-chart" className={className} aria-label={ariaLabel}>
      <div dir="ltr" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          {variant === 'line' ? (
            <LineChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              {axes}
              {showComparison && (
                <Line
                  dataKey="comparison"
                  name={comparisonLabel}
                  stroke="var(--color-chart-comparison)"
                  strokeDasharray="4 4"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              )}
              <Line
                dataKey="value"
                name={seriesLabel}
                stroke="var(--color-chart-1)"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          ) : (
            <AreaChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <defs>
                <linearGradient id={fillId} x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor="var(--color-chart-1)" stopOpacity={0.35} />
                  <stop offset="100%" stopColor="var(--color-chart-1)" stopOpacity={0.02} />
                </linearGradient>
              </defs>
              {axes}
              {showComparison && (
                <Area
                  dataKey="comparison"
                  name={comparisonLabel}
                  stroke="var(--color-chart-comparison)"
                  strokeDasharray="4 4"
                  strokeWidth={2}
                  fill="none"
                  isAnimationActive={false}
                />
              )}
              <Area
                dataKey="value"
                name={seriesLabel}
                stroke="var(--color-chart-1)"
                strokeWidth={2}
                fill={`url(#${fillId})`}
                isAnimationActive={false}
              />
            </AreaChart>
          )}
        </ResponsiveContainer>
      </div>
      <ChartLegend
        className="mt-2 justify-center"
        items={[
          { key: 'value', label: seriesLabel, color: 'var(--color-chart-1)' },
          ...(showComparison
            ? [{ key: 'comparison', label: comparisonLabel ?? '', color: 'var(--color-chart-comparison)', dashed: true }]
            : []),
        ]}
      />
    </figure>
  );
}
