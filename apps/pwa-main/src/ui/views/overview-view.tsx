'use client';

import type { RevenueOverview, SalesBreakdownItem, TopProduct } from '@salla-analytics/olap-repository';
import { Card, CardContent, CardHeader, DonutChart, formatMoney } from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';
import { PageHeader } from '../page-header';
import { QueryBoundary } from '../query-states';
import { useApi } from '../use-api';
import { usePeriod } from '../use-period';
import { KpiGrid, type KpiItem } from './kpi-grid';
import { SalesTrendCard } from './sales-trend-card';
import { sliceColor } from './slice-colors';
import { SectionTitle } from '../section-title';

const METRICS = [
  ['netSales', false],
  ['orders', false],
  ['aov', false],
  ['uniqueCustomers', false],
  ['grossSales', false],
  ['canceledOrders', true],
  ['refundedOrders', true],
] as const;

export function OverviewView({ maxDate }: { maxDate: string }) {
  const { t, money, number } = useAppLocale();
  const { params, value } = usePeriod();
  const overview = useApi<RevenueOverview>('/api/v1/overview', params);
  const currency = overview.data?.data.currency ?? (overview.data?.meta.currency as string | undefined) ?? 'SAR';
  const metrics = overview.data?.data.metrics;
  const items: KpiItem[] = METRICS.map(([key, invert]) => {
    const metric = metrics?.[key];
    const raw = metric?.value ?? 0;
    return {
      key,
      label: t.kpi[key],
      raw,
      value: metric?.unit === 'minor_units' ? money(raw, currency) : number(raw),
      change: metric?.change ?? null,
      invert,
    };
  });
  return (
    <>
      <PageHeader title={t.pages.overview} computedAt={overview.data?.meta.computedAt} maxDate={maxDate} />
      {overview.error ? (
        <QueryBoundary loading={false} error={overview.error} empty={false} onRetry={() => void overview.refetch()} retrying={overview.isFetching}>
          {null}
        </QueryBoundary>
      ) : (
        <KpiGrid items={items} loading={overview.isPending} comparison={value.comparison} />
      )}
      <SalesTrendCard params={params} />
      <div className="grid gap-6 lg:grid-cols-2">
        <PaymentMethodsCard params={params} />
        <TopProductsCard params={params} />
      </div>
    </>
  );
}

function PaymentMethodsCard({ params }: { params: Record<string, string | undefined> }) {
  const { t, locale } = useAppLocale();
  const query = useApi<SalesBreakdownItem[]>('/api/v1/sales/breakdown', { ...params, dimension: 'payment_method', limit: 8 });
  const currency = (query.data?.meta.currency as string | undefined) ?? 'SAR';
  const rows = query.data?.data ?? [];
  const total = rows.reduce((sum, row) => sum + row.netSalesMinor, 0);
  return (
    <Card>
      <CardHeader>
        <SectionTitle>{t.charts.paymentMethods}</SectionTitle>
      </CardHeader>
      <CardContent>
        <QueryBoundary loading={query.isPending} error={query.error} empty={rows.length === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          <DonutChart
            data={rows.map((row, i) => ({ label: t.payment[row.key] ?? (row.key || t.unknown), value: row.netSalesMinor, color: sliceColor(i) }))}
            centerValue={formatMoney({ amountMinor: total, currency }, locale, { notation: 'compact' })}
            centerLabel={t.charts.netSales}
            formatValue={(v, l) => formatMoney({ amountMinor: v, currency }, l)}
            ariaLabel={t.charts.paymentMethods}
          />
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}

function TopProductsCard({ params }: { params: Record<string, string | undefined> }) {
  const { t, money, number } = useAppLocale();
  const query = useApi<TopProduct[]>('/api/v1/products', { ...params, limit: 5 });
  const currency = (query.data?.meta.currency as string | undefined) ?? 'SAR';
  const rows = query.data?.data ?? [];
  return (
    <Card>
      <CardHeader>
        <SectionTitle>{t.charts.topProducts}</SectionTitle>
      </CardHeader>
      <CardContent>
        <QueryBoundary loading={query.isPending} error={query.error} empty={rows.length === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          <ol className="divide-y divide-border">
            {rows.map((row, index) => (
              <li key={row.productId} className="flex items-center justify-between gap-3 py-2.5">
                <span className="flex min-w-0 items-center gap-3">
                  <span className="grid size-7 shrink-0 place-items-center rounded-full bg-secondary text-xs font-semibold text-secondary-foreground">
                    {number(index + 1)}
                  </span>
                  <span className="truncate">{row.name}</span>
                </span>
                <span className="shrink-0 text-end">
                  <span className="block font-semibold tabular-nums">{money(row.revenueMinor, currency)}</span>
                  <span className="block text-xs text-muted-foreground">
                    {t.columns.quantity}: {number(row.quantity)}
                  </span>
                </span>
              </li>
            ))}
          </ol>
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}
