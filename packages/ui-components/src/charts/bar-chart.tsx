import { Bar, CartesianGrid, BarChart as RechartsBarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useUi } from '../components/ui-provider';
import { formatCompactNumber, formatNumber } from '../lib/format/number';
import { AXIS_TICK, ChartLegend, ChartTooltipBox, type TooltipRow } from './chart-parts';

export interface BarDatum {
  label: string;
  value: number;
  comparison?: number | null;
}

export interface BarChartProps {
  data: readonly BarDatum[];
  seriesLabel: string;
  /** Set to draw comparison bars from `datum.comparison`. */
  comparisonLabel?: string;
  /**
   * 'vertical' (default): columns over categories (e.g. weekdays, hours).
   * 'horizontal': bars along the reading direction, for ranked lists with long names (products,
   * cities); in RTL they grow from the right with the labels on the right.
   */
  orientation?: 'vertical' | 'horizontal';
  formatValue?: (value: number, locale: string) => string;
  formatAxisValue?: (value: number, locale: string) => string;
  height?: number;
  /** Width reserved for category labels in horizontal bars. Default 120. */
  categoryWidth?: number;
  locale?: string;
  ariaLabel?: string;
  className?: string;
}

/** Bar chart; category order follows the reading direction (first category at the start edge). */
export function BarChart({
  data,
  seriesLabel,
  comparisonLabel,
  orientation = 'vertical',
  formatValue = formatNumber,
  formatAxisValue = formatCompactNumber,
  height = 280,
  categoryWidth = 120,
  locale,
  ariaLabel,
  className,
}: BarChartProps) {
  const ui = useUi();
  const activeLocale = locale ?? ui.locale;
  const rtl = ui.dir === 'rtl';
  const horizontal = orientation === 'horizontal';
  const showComparison = comparisonLabel !== undefined && data.some((d) => typeof d.comparison === 'number');
  const rows = data.map((d) => ({ ...d }));
  const barOrder: ('comparison' | 'value')[] = showComparison ? ['comparison', 'value'] : ['value'];

  const tooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) => {
    const datum = payload?.[0]?.payload as BarDatum | undefined;
    if (!active || !datum) return null;
    const items: TooltipRow[] = [
      { key: 'value', label: seriesLabel, value: formatValue(datum.value, activeLocale), color: 'var(--color-chart-1)' },
    ];
    if (showComparison && typeof datum.comparison === 'number') {
      items.push({
        key: 'comparison',
        label: comparisonLabel ?? '',
        value: formatValue(datum.comparison, activeLocale),
        color: 'var(--color-chart-comparison)',
      });
    }
    return <ChartTooltipBox dir={ui.dir} title={datum.label} rows={items} />;
  };

  const valueAxisProps = {
    tickLine: false,
    axisLine: false,
    tick: AXIS_TICK,
    tickFormatter: (value: number) => formatAxisValue(value, activeLocale),
  };

  return (
    <figure data-slot="bar-chart" className={className} aria-label={ariaLabel}>
      {/* SVG laid out LTR so recharts' text anchors stay physical; the axes mirror instead. */}
      <div dir="ltr" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <RechartsBarChart
            data={rows}
            layout={horizontal ? 'vertical' : 'horizontal'}
            margin={{ top: 8, right: 8, bottom: 0, left: 8 }}
            barGap={2}
          >
            <CartesianGrid
              horizontal={!horizontal}
              vertical={horizontal}
              stroke="var(--color-chart-grid)"
            />
            {horizontal ? (
              <>
                <XAxis type="number" reversed={rtl} minTickGap={24} {...valueAxisProps} />
                <YAxis
                  type="category"
                  dataKey="label"
                  orientation={rtl ? 'right' : 'left'}
                  width={categoryWidth}
                  tickLine={false}
                  axisLine={false}
                  tick={AXIS_TICK}
                />
              </>
            ) : (
              <>
                <XAxis
                  type="category"
                  dataKey="label"
                  reversed={rtl}
                  tickLine={false}
                  axisLine={false}
                  tickMargin={8}
                  tick={AXIS_TICK}
                  interval={0}
                />
                <YAxis type="number" orientation={rtl ? 'right' : 'left'} width="auto" {...valueAxisProps} />
              </>
            )}
            <Tooltip content={tooltip} cursor={{ fill: 'var(--color-muted)', opacity: 0.6 }} />
            {/* Within a category the comparison bar comes first in reading order: recharts lays
                bars out left to right, so RTL (and horizontal bars, top to bottom) flip the order. */}
            {(rtl && !horizontal ? [...barOrder].reverse() : barOrder).map((key) =>
              key === 'comparison' ? (
                <Bar
                  key={key}
                  dataKey="comparison"
                  name={comparisonLabel}
                  fill="var(--color-chart-comparison)"
                  radius={4}
                  isAnimationActive={false}
                />
              ) : (
                <Bar
                  key={key}
                  dataKey="value"
                  name={seriesLabel}
                  fill="var(--color-chart-1)"
                  radius={4}
                  isAnimationActive={false}
                />
              ),
            )}
          </RechartsBarChart>
        </ResponsiveContainer>
      </div>
      {showComparison && (
        <ChartLegend
          className="mt-2 justify-center"
          items={[
            { key: 'value', label: seriesLabel, color: 'var(--color-chart-1)' },
            { key: 'comparison', label: comparisonLabel ?? '', color: 'var(--color-chart-comparison)' },
          ]}
        />
      )}
    </figure>
  );
}
