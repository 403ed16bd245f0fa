'use client';

import type { SalesBreakdownItem } from '@salla-analytics/olap-repository';
import {
  BarChart,
  Card,
  CardContent,
  CardHeader,
  DataTable,
  type DataTableColumn,
  DonutChart,
  formatCompactNumber,
  formatMoney,
} from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';
import { PageHeader } from '../page-header';
import { QueryBoundary } from '../query-states';
import { useApi } from '../use-api';
import { usePeriod } from '../use-period';
import { breakdownLabel } from './breakdown-labels';
import { SalesTrendCard } from './sales-trend-card';
import { sliceColor, statusColor } from './slice-colors';
import { SectionTitle } from '../section-title';
import { ExportButton } from '../export-button';

type Dimension = 'payment_method' | 'city' | 'status';

export function SalesView({ maxDate }: { maxDate: string }) {
  const { t } = useAppLocale();
  const { params } = usePeriod();
  const payment = useApi<SalesBreakdownItem[]>('/api/v1/sales/breakdown', { ...params, dimension: 'payment_method', limit: 10 });
  return (
    <>
      <PageHeader title={t.pages.sales} computedAt={payment.data?.meta.computedAt} maxDate={maxDate} />
      <SalesTrendCard params={params} />
      <div className="grid gap-6 lg:grid-cols-2">
        <BreakdownCard title={t.charts.paymentMethods} dimension="payment_method" params={params} chart="bar" />
        <BreakdownCard title={t.charts.statuses} dimension="status" params={params} chart="donut" />
      </div>
      <BreakdownCard title={t.charts.cities} dimension="city" params={params} chart="bar" withTable />
    </>
  );
}

function BreakdownCard({
  title,
  dimension,
  params,
  chart,
  withTable = false,
}: {
  title: string;
  dimension: Dimension;
  params: Record<string, string | undefined>;
  chart: 'bar' | 'donut';
  withTable?: boolean;
}) {
  const { t, money, number, percent } = useAppLocale();
  const query = useApi<SalesBreakdownItem[]>('/api/v1/sales/breakdown', { ...params, dimension, limit: 10 });
  const currency = (query.data?.meta.currency as string | undefined) ?? 'SAR';
  const rows = query.data?.data ?? [];
  const columns: DataTableColumn<SalesBreakdownItem>[] = [
    { id: 'key', header: { city: t.columns.city, payment_method: t.columns.paymentMethod, status: t.columns.status }[dimension], accessor: (r) => breakdownLabel(t, dimension, r.key) },
    { id: 'orders', header: t.columns.orders, accessor: (r) => r.orders, cell: (r) => number(r.orders), align: 'end' },
    { id: 'net', header: t.columns.netSales, accessor: (r) => r.netSalesMinor / 100, cell: (r) => money(r.netSalesMinor, currency), align: 'end' },
    { id: 'canceled', header: t.columns.canceled, accessor: (r) => r.canceledOrders, cell: (r) => number(r.canceledOrders), align: 'end' },
    { id: 'share', header: t.columns.share, accessor: (r) => r.shareOfNetSales, cell: (r) => percent(r.shareOfNetSales), align: 'end' },
  ];
  return (
    <Card data-testid={`breakdown-${dimension}`}>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
        <SectionTitle>{title}</SectionTitle>
        <ExportButton table="sales_breakdown" filters={{ dimension }} />
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <QueryBoundary loading={query.isPending} error={query.error} empty={rows.length === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {chart === 'bar' ? (
            <BarChart
              data={rows.map((r) => ({ label: breakdownLabel(t, dimension, r.key), value: r.netSalesMinor / 100 }))}
              orientation="horizontal"
              seriesLabel={t.charts.netSales}
              formatValue={(v, l) => formatMoney({ amountMinor: Math.round(v * 100), currency }, l)}
              formatAxisValue={(v, l) => formatCompactNumber(v, l)}
              categoryWidth={130}
              height={Math.max(200, rows.length * 36)}
              ariaLabel={title}
            />
          ) : (
            <DonutChart
              data={rows.map((r, i) => ({ label: breakdownLabel(t, dimension, r.key), value: r.orders, color: dimension === 'status' ? statusColor(r.key, i) : sliceColor(i) }))}
              centerValue={number(rows.reduce((s, r) => s + r.orders, 0))}
              centerLabel={t.columns.orders}
              ariaLabel={title}
            />
          )}
          {withTable && (
            <DataTable
              columns={columns}
              data={rows}
              labels={t.table}
              getRowId={(r) => r.key || '-'}
              initialSort={{ columnId: 'net', direction: 'desc' }}
              csvFilename={`sales-by-${dimension}`}
              pageSize={10}
            />
          )}
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}
