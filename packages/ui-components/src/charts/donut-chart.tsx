import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { useUi } from '../components/ui-provider';
import { formatNumber, formatPercent } from '../lib/format/number';
import { ChartLegend, ChartTooltipBox, chartColor } from './chart-parts';

export interface DonutSlice {
  label: string;
  value: number;
  /** CSS colour; defaults to the theme's chart colours in order. */
  color?: string;
}

export interface DonutChartProps {
  data: readonly DonutSlice[];
  /** Text in the hole, e.g. the formatted total, and a caption under it. */
  centerValue?: string;
  centerLabel?: string;
  formatValue?: (value: number, locale: string) => string;
  /** Shows each slice's share next to its legend label. Default true. */
  showShare?: boolean;
  height?: number;
  locale?: string;
  ariaLabel?: string;
  className?: string;
}

/**
 * Donut with an HTML legend. Slices start at 12 o'clock and run clockwise in LTR and
 * counter-clockwise in RTL, so the first (largest) slice sits on the reading-start side.
 */
export function DonutChart({
  data,
  centerValue,
  centerLabel,
  formatValue = formatNumber,
  showShare = true,
  height = 240,
  locale,
  ariaLabel,
  className,
}: DonutChartProps) {
  const ui = useUi();
  const activeLocale = locale ?? ui.locale;
  const rtl = ui.dir === 'rtl';
  const total = data.reduce((sum, slice) => sum + Math.max(0, slice.value), 0);
  const slices = data.map((slice, index) => ({ ...slice, fill: slice.color ?? chartColor(index) }));

  const tooltip = ({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) => {
    const slice = payload?.[0]?.payload as (DonutSlice & { fill: string }) | undefined;
    if (!active || !slice) return null;
    const share = total > 0 ? ` (${formatPercent(slice.value / total, activeLocale)})` : '';
    return (
      <ChartTooltipBox
        dir={ui.dir}
        rows={[{ key: slice.label, label: slice.label, value: `${formatValue(slice.value, activeLocale)}${share}`, color: slice.fill }]}
      />
    );
  };

  return (
    <figure data-slot="donut-chart" className={className} aria-label={ariaLabel}>
      <div className="relative" dir="ltr" style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <PieChart>
            <Pie
              data={slices}
              dataKey="value"
              nameKey="label"
              innerRadius="62%"
              outerRadius="92%"
              startAngle={90}
              endAngle={rtl ? 450 : -270}
              paddingAngle={slices.length > 1 ? 1.5 : 0}
              stroke="var(--color-card)"
              isAnimationActive={false}
            >
              {slices.map((slice) => (
                <Cell key={slice.label} fill={slice.fill} />
              ))}
            </Pie>
            <Tooltip content={tooltip} />
          </PieChart>
        </ResponsiveContainer>
        {(centerValue || centerLabel) && (
          <div
            dir={ui.dir}
            className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-center"
          >
            {centerValue && <span className="font-semibold text-xl tabular-nums">{centerValue}</span>}
            {centerLabel && <span className="text-muted-foreground text-xs">{centerLabel}</span>}
          </div>
        )}
      </div>
      <ChartLegend
        className="mt-3 justify-center"
        items={slices.map((slice) => ({
          key: slice.label,
          label: slice.label,
          color: slice.fill,
          ...(showShare && total > 0 ? { value: formatPercent(slice.value / total, activeLocale) } : {}),
        }))}
      />
    </figure>
  );
}
