'use client';

import type { AbandonedCartSummary } from '@salla-analytics/olap-repository';
import { Card, CardContent, CardHeader, DonutChart, formatMoney } from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';
import { PageHeader } from '../page-header';
import { QueryBoundary } from '../query-states';
import { useApi } from '../use-api';
import { usePeriod } from '../use-period';
import { KpiGrid } from './kpi-grid';
import { SectionTitle } from '../section-title';
import { ExportButton } from '../export-button';

const change = (value: number, previous: number | undefined) => (previous ? (value - previous) / previous : null);

export function CartsView({ maxDate }: { maxDate: string }) {
  const { t, money, number, percent, locale } = useAppLocale();
  const { params, value } = usePeriod();
  const query = useApi<{ current: AbandonedCartSummary; comparison: AbandonedCartSummary | null }>('/api/v1/carts', params);
  const currency = (query.data?.meta.currency as string | undefined) ?? 'SAR';
  const current = query.data?.data.current;
  const previous = query.data?.data.comparison ?? undefined;
  const items = [
    { key: 'valueAtRisk', label: t.carts.atRisk, raw: current?.valueAtRiskMinor ?? 0, value: money(current?.valueAtRiskMinor ?? 0, currency), change: change(current?.valueAtRiskMinor ?? 0, previous?.valueAtRiskMinor), invert: true },
    { key: 'recoveryRate', label: t.carts.recoveryRate, raw: current?.recoveryRate ?? 0, value: percent(current?.recoveryRate ?? 0), change: change(current?.recoveryRate ?? 0, previous?.recoveryRate) },
    { key: 'carts', label: t.carts.carts, raw: current?.carts ?? 0, value: number(current?.carts ?? 0), change: change(current?.carts ?? 0, previous?.carts), invert: true },
    { key: 'recoveredValue', label: t.carts.recoveredValue, raw: current?.recoveredValueMinor ?? 0, value: money(current?.recoveredValueMinor ?? 0, currency), change: change(current?.recoveredValueMinor ?? 0, previous?.recoveredValueMinor) },
  ];
  return (
    <>
      <PageHeader title={t.pages.carts} computedAt={query.data?.meta.computedAt} maxDate={maxDate} />
      {query.error ? (
        <QueryBoundary loading={false} error={query.error} empty={false} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {null}
        </QueryBoundary>
      ) : (
        <KpiGrid items={items} loading={query.isPending} comparison={value.comparison} />
      )}
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <SectionTitle>{t.carts.breakdown}</SectionTitle>
          <ExportButton table="carts" />
        </CardHeader>
        <CardContent>
          <QueryBoundary loading={query.isPending} error={query.error} empty={(current?.carts ?? 0) === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
            <DonutChart
              data={[
                { label: t.carts.recoveredValue, value: current?.recoveredValueMinor ?? 0, color: 'var(--color-success)' },
                { label: t.carts.atRisk, value: current?.valueAtRiskMinor ?? 0, color: 'var(--color-destructive)' },
              ]}
              centerValue={formatMoney({ amountMinor: current?.valueMinor ?? 0, currency }, locale, { notation: 'compact' })}
              centerLabel={t.carts.value}
              formatValue={(v, l) => formatMoney({ amountMinor: v, currency }, l)}
              ariaLabel={t.carts.breakdown}
            />
          </QueryBoundary>
        </CardContent>
      </Card>
    </>
  );
}
