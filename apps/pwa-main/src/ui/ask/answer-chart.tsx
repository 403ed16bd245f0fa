'use client';

import type { ChartSpec } from '@salla-analytics/ai-assistant-service-lib';
import { BarChart, currencyFractionDigits, DonutChart, formatCompactNumber, TimeSeriesChart } from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';

/** Draws the assistant's chart spec with the dashboard's charts; money arrives in minor units. */
export function AnswerChart({ spec, currency }: { spec: ChartSpec; currency: string }) {
  const { money, number, percent } = useAppLocale();
  const scale = spec.unit === 'minor_units' ? 10 ** currencyFractionDigits(currency) : 1;
  const format = (v: number) =>
    spec.unit === 'minor_units' ? money(Math.round(v * scale), currency) : spec.unit === 'ratio' ? percent(v) : number(v);
  const axis = (v: number, locale: string) => (spec.unit === 'ratio' ? percent(v) : formatCompactNumber(v, locale));
  if (spec.type === 'time_series') {
    return (
      <TimeSeriesChart
        data={spec.points.map((p) => ({ date: p.date, value: p.value / scale, ...(p.comparison === null ? {} : { comparison: p.comparison / scale }) }))}
        variant="area"
        seriesLabel={spec.seriesLabel}
        {...(spec.comparisonLabel ? { comparisonLabel: spec.comparisonLabel } : {})}
        formatValue={format}
        formatAxisValue={axis}
        height={260}
        ariaLabel={spec.title}
      />
    );
  }
  if (spec.type === 'donut') {
    return <DonutChart data={spec.slices.map((s) => ({ label: s.label, value: s.value / scale }))} formatValue={format} height={240} ariaLabel={spec.title} />;
  }
  return (
    <BarChart
      data={spec.items.map((i) => ({ label: i.label, value: i.value / scale }))}
      orientation={spec.orientation}
      seriesLabel={spec.title}
      formatValue={format}
      formatAxisValue={axis}
      categoryWidth={170}
      height={spec.orientation === 'horizontal' ? Math.max(200, spec.items.length * 36) : 240}
      ariaLabel={spec.title}
    />
  );
}
