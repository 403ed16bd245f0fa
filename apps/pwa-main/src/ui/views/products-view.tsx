'use client';

import type { CategoryPerformance, TopProduct } from '@salla-analytics/olap-repository';
import {
  BarChart,
  Card,
  CardContent,
  CardHeader,
  DataTable,
  type DataTableColumn,
  formatCompactNumber,
  formatMoney,
  Tabs,
  TabsList,
  TabsTrigger,
} from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';
import { PageHeader } from '../page-header';
import { QueryBoundary } from '../query-states';
import { useApi } from '../use-api';
import { usePeriod } from '../use-period';
import { SectionTitle } from '../section-title';
import { ExportButton } from '../export-button';

export function ProductsView({ maxDate }: { maxDate: string }) {
  const { t, money, number } = useAppLocale();
  const { params, search, setParam } = usePeriod();
  const sortBy = search.get('sortBy') === 'quantity' ? 'quantity' : 'revenue';
  const products = useApi<TopProduct[]>('/api/v1/products', { ...params, sortBy, limit: 50 });
  const categories = useApi<CategoryPerformance[]>('/api/v1/categories', { ...params, limit: 12 });
  const currency = (products.data?.meta.currency as string | undefined) ?? 'SAR';
  const rows = products.data?.data ?? [];
  const categoryRows = categories.data?.data ?? [];
  const columns: DataTableColumn<TopProduct>[] = [
    { id: 'name', header: t.columns.product, accessor: (r) => r.name },
    { id: 'sku', header: t.columns.sku, accessor: (r) => r.sku },
    { id: 'quantity', header: t.columns.quantity, accessor: (r) => r.quantity, cell: (r) => number(r.quantity), align: 'end' },
    { id: 'orders', header: t.columns.orders, accessor: (r) => r.orders, cell: (r) => number(r.orders), align: 'end' },
    { id: 'revenue', header: t.columns.revenue, accessor: (r) => r.revenueMinor / 100, cell: (r) => money(r.revenueMinor, currency), align: 'end' },
  ];
  return (
    <>
      <PageHeader title={t.pages.products} computedAt={products.data?.meta.computedAt} maxDate={maxDate} />
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <SectionTitle>{t.charts.topProducts}</SectionTitle>
          <ExportButton table="products" filters={{ sortBy }} />
          <Tabs value={sortBy} onValueChange={(v) => setParam('sortBy', v === 'revenue' ? undefined : v)}>
            <TabsList>
              <TabsTrigger value="revenue">{t.columns.revenue}</TabsTrigger>
              <TabsTrigger value="quantity">{t.columns.quantity}</TabsTrigger>
            </TabsList>
          </Tabs>
        </CardHeader>
        <CardContent>
          <QueryBoundary loading={products.isPending} error={products.error} empty={rows.length === 0} onRetry={() => void products.refetch()} retrying={products.isFetching}>
            <DataTable
              key={sortBy}
              columns={columns}
              data={rows}
              labels={t.table}
              getRowId={(r) => String(r.productId)}
              initialSort={{ columnId: sortBy, direction: 'desc' }}
              filterable
              csvFilename="top-products"
              pageSize={10}
            />
          </QueryBoundary>
        </CardContent>
      </Card>
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
          <SectionTitle>{t.charts.categories}</SectionTitle>
          <ExportButton table="categories" />
        </CardHeader>
        <CardContent>
          <QueryBoundary loading={categories.isPending} error={categories.error} empty={categoryRows.length === 0} onRetry={() => void categories.refetch()} retrying={categories.isFetching}>
            <BarChart
              data={categoryRows.map((r) => ({ label: r.category || t.uncategorized, value: r.revenueMinor / 100 }))}
              orientation="horizontal"
              seriesLabel={t.columns.revenue}
              formatValue={(v, l) => formatMoney({ amountMinor: Math.round(v * 100), currency }, l)}
              formatAxisValue={(v, l) => formatCompactNumber(v, l)}
              categoryWidth={150}
              height={Math.max(220, categoryRows.length * 36)}
              ariaLabel={t.charts.categories}
            />
          </QueryBoundary>
        </CardContent>
      </Card>
    </>
  );
}
