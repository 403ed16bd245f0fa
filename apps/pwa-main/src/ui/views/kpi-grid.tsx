'use client';

import { KpiCard } from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';

export interface KpiItem {
  key: string;
  label: string;
  /** Raw value (minor units for money) — exposed as data-value for tests and tooling. */
  raw: number;
  value: string;
  change: number | null;
  invert?: boolean;
}

export function KpiGrid({ items, loading, comparison }: { items: KpiItem[]; loading: boolean; comparison: 'previous_period' | 'previous_year' | 'none' }) {
  const { t, locale } = useAppLocale();
  const comparisonLabel = comparison === 'previous_year' ? t.kpi.vsLastYear : t.kpi.vsPrevious;
  return (
    <section aria-label={t.pages.overview} className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {items.map((item) => (
        <div key={item.key} data-metric={item.key} data-value={loading ? undefined : item.raw}>
          <KpiCard
            label={item.label}
            value={item.value}
            change={comparison === 'none' ? null : item.change}
            comparisonLabel={comparisonLabel}
            noComparisonLabel={t.kpi.noComparison}
            increaseLabel={t.kpi.increase}
            decreaseLabel={t.kpi.decrease}
            unchangedLabel={t.kpi.unchanged}
            invert={item.invert ?? false}
            locale={locale}
            loading={loading}
          />
        </div>
      ))}
    </section>
  );
}
