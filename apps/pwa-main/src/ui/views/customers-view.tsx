'use client';

import type { Cohort, LifetimeValue, LifetimeValueRow, NewVsReturning, RfmCustomer, RfmSegmentSummary } from '@salla-analytics/olap-repository';
import {
  BarChart,
  Card,
  CardContent,
  CardHeader,
  CohortHeatmap,
  DataTable,
  type DataTableColumn,
  DonutChart,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@salla-analytics/ui-components';
import { RFM_SEGMENT_NAMES } from '../../contracts/rfm-segment-names';
import { useAppLocale } from '../i18n-context';
import { PageHeader } from '../page-header';
import { QueryBoundary } from '../query-states';
import { useApi } from '../use-api';
import { usePeriod } from '../use-period';
import { KpiGrid } from './kpi-grid';
import { SectionTitle } from '../section-title';
import { ExportButton } from '../export-button';

const ratio = (value: number, previous: number | undefined) => (previous ? (value - previous) / previous : null);

export function CustomersView({ maxDate }: { maxDate: string }) {
  const { t, money, number } = useAppLocale();
  const { params, value } = usePeriod();
  const split = useApi<{ current: NewVsReturning; comparison: NewVsReturning | null }>('/api/v1/customers/new-vs-returning', params);
  const currency = (split.data?.meta.currency as string | undefined) ?? 'SAR';
  const current = split.data?.data.current;
  const previous = split.data?.data.comparison ?? undefined;
  const items = [
    { key: 'newCustomers', label: t.customers.new, raw: current?.new.customers ?? 0, value: number(current?.new.customers ?? 0), change: ratio(current?.new.customers ?? 0, previous?.new.customers) },
    { key: 'returningCustomers', label: t.customers.returning, raw: current?.returning.customers ?? 0, value: number(current?.returning.customers ?? 0), change: ratio(current?.returning.customers ?? 0, previous?.returning.customers) },
    { key: 'newSales', label: `${t.kpi.netSales} · ${t.customers.new}`, raw: current?.new.netSalesMinor ?? 0, value: money(current?.new.netSalesMinor ?? 0, currency), change: ratio(current?.new.netSalesMinor ?? 0, previous?.new.netSalesMinor) },
    { key: 'returningSales', label: `${t.kpi.netSales} · ${t.customers.returning}`, raw: current?.returning.netSalesMinor ?? 0, value: money(current?.returning.netSalesMinor ?? 0, currency), change: ratio(current?.returning.netSalesMinor ?? 0, previous?.returning.netSalesMinor) },
  ];
  return (
    <>
      <PageHeader title={t.pages.customers} computedAt={split.data?.meta.computedAt} maxDate={maxDate} />
      {split.error ? (
        <QueryBoundary loading={false} error={split.error} empty={false} onRetry={() => void split.refetch()} retrying={split.isFetching}>
          {null}
        </QueryBoundary>
      ) : (
        <KpiGrid items={items} loading={split.isPending} comparison={value.comparison} />
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <SectionTitle>{t.charts.newVsReturning}</SectionTitle>
          </CardHeader>
          <CardContent>
            <QueryBoundary loading={split.isPending} error={split.error} empty={!current || current.new.customers + current.returning.customers === 0} onRetry={() => void split.refetch()} retrying={split.isFetching}>
              <DonutChart
                data={[
                  { label: t.customers.new, value: current?.new.customers ?? 0 },
                  { label: t.customers.returning, value: current?.returning.customers ?? 0 },
                ]}
                centerValue={number((current?.new.customers ?? 0) + (current?.returning.customers ?? 0))}
                centerLabel={t.columns.customers}
                ariaLabel={t.charts.newVsReturning}
              />
            </QueryBoundary>
          </CardContent>
        </Card>
        <LifetimeValueCard params={params} />
      </div>
      <CohortsCard params={params} />
      <RfmCard params={params} />
    </>
  );
}

function CohortsCard({ params }: { params: Record<string, string | undefined> }) {
  const { t, date } = useAppLocale();
  const query = useApi<Cohort[]>('/api/v1/customers/cohorts', { ...params, months: 6 });
  const cohorts = query.data?.data ?? [];
  const width = Math.max(0, ...cohorts.map((c) => c.retention.length));
  return (
    <Card>
      <CardHeader>
        <SectionTitle>{t.charts.cohorts}</SectionTitle>
      </CardHeader>
      <CardContent>
        <QueryBoundary loading={query.isPending} error={query.error} empty={cohorts.length === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          <CohortHeatmap
            rows={cohorts.map((c) => ({
              cohort: date(c.cohort, { month: 'short', year: 'numeric' }),
              size: c.size,
              retention: Array.from({ length: width }, (_, k) => (k < c.retention.length ? (c.retention[k] ?? 0) : null)),
            }))}
            labels={{ cohort: t.columns.cohort, size: t.columns.customers, period: (_i, formatted) => t.customers.month(formatted), scaleLow: t.customers.low, scaleHigh: t.customers.high }}
          />
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}

function LifetimeValueCard({ params }: { params: Record<string, string | undefined> }) {
  const { t, money, number, percent, date } = useAppLocale();
  const query = useApi<LifetimeValue>('/api/v1/customers/ltv', params);
  const currency = (query.data?.meta.currency as string | undefined) ?? 'SAR';
  const ltv = query.data?.data;
  const rows = [...(ltv?.byCohort ?? [])].reverse().slice(0, 12);
  const columns: DataTableColumn<LifetimeValueRow>[] = [
    { id: 'cohort', header: t.columns.cohort, accessor: (r) => r.cohort, cell: (r) => date(r.cohort, { month: 'short', year: 'numeric' }) },
    { id: 'customers', header: t.columns.customers, accessor: (r) => r.customers, cell: (r) => number(r.customers), align: 'end' },
    { id: 'repeat', header: t.columns.repeatRate, accessor: (r) => r.repeatRate, cell: (r) => percent(r.repeatRate), align: 'end' },
    { id: 'avg', header: t.columns.avgLtv, accessor: (r) => r.avgLtvMinor / 100, cell: (r) => money(r.avgLtvMinor, currency), align: 'end' },
  ];
  return (
    <Card>
      <CardHeader>
        <SectionTitle>{t.charts.ltv}</SectionTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        <QueryBoundary loading={query.isPending} error={query.error} empty={!ltv || ltv.total.customers === 0} onRetry={() => void query.refetch()} retrying={query.isFetching}>
          {ltv && (
            <dl className="grid grid-cols-3 gap-3 text-center">
              <div className="rounded-lg bg-muted p-3">
                <dt className="text-xs text-muted-foreground">{t.columns.avgLtv}</dt>
                <dd className="text-lg font-bold tabular-nums">{money(ltv.total.avgLtvMinor, currency)}</dd>
              </div>
              <div className="rounded-lg bg-muted p-3">
                <dt className="text-xs text-muted-foreground">{t.columns.medianLtv}</dt>
                <dd className="text-lg font-bold tabular-nums">{money(ltv.total.medianLtvMinor, currency)}</dd>
              </div>
              <div className="rounded-lg bg-muted p-3">
                <dt className="text-xs text-muted-foreground">{t.columns.repeatRate}</dt>
                <dd className="text-lg font-bold tabular-nums">{percent(ltv.total.repeatRate)}</dd>
              </div>
            </dl>
          )}
          <DataTable columns={columns} data={rows} labels={t.table} getRowId={(r) => r.cohort} csvFilename="lifetime-value" pageSize={6} />
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}

function RfmCard({ params }: { params: Record<string, string | undefined> }) {
  const { t, money, number, percent } = useAppLocale();
  const { search, setParam } = usePeriod();
  const segmentParam = search.get('segment');
  const segment = RFM_SEGMENT_NAMES.find((s) => s === segmentParam);
  const segments = useApi<RfmSegmentSummary[]>('/api/v1/customers/rfm', params);
  const members = useApi<RfmCustomer[]>('/api/v1/customers/rfm/members', { ...params, limit: 100, ...(segment ? { segment } : {}) });
  const currency = (segments.data?.meta.currency as string | undefined) ?? 'SAR';
  const rows = segments.data?.data ?? [];
  const memberRows = members.data?.data ?? [];
  const segmentColumns: DataTableColumn<RfmSegmentSummary>[] = [
    { id: 'segment', header: t.columns.segment, accessor: (r) => t.segments[r.segment] ?? r.segment },
    { id: 'customers', header: t.columns.customers, accessor: (r) => r.customers, cell: (r) => number(r.customers), align: 'end' },
    { id: 'share', header: t.columns.share, accessor: (r) => r.share, cell: (r) => percent(r.share), align: 'end' },
    { id: 'recency', header: t.columns.recency, accessor: (r) => r.avgRecencyDays, cell: (r) => number(Math.round(r.avgRecencyDays)), align: 'end' },
    { id: 'monetary', header: t.columns.monetary, accessor: (r) => r.totalMonetaryMinor / 100, cell: (r) => money(r.totalMonetaryMinor, currency), align: 'end' },
  ];
  const memberColumns: DataTableColumn<RfmCustomer>[] = [
    { id: 'customer', header: t.columns.customer, accessor: (r) => r.customerId, cell: (r) => `#${r.customerId}` },
    { id: 'segment', header: t.columns.segment, accessor: (r) => t.segments[r.segment] ?? r.segment },
    { id: 'recency', header: t.columns.recency, accessor: (r) => r.recencyDays, cell: (r) => number(r.recencyDays), align: 'end' },
    { id: 'frequency', header: t.columns.frequency, accessor: (r) => r.frequency, cell: (r) => number(r.frequency), align: 'end' },
    { id: 'monetary', header: t.columns.monetary, accessor: (r) => r.monetaryMinor / 100, cell: (r) => money(r.monetaryMinor, currency), align: 'end' },
  ];
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-3">
        <SectionTitle>{t.charts.rfm}</SectionTitle>
        <ExportButton table="rfm_segments" />
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <QueryBoundary loading={segments.isPending} error={segments.error} empty={rows.length === 0} onRetry={() => void segments.refetch()} retrying={segments.isFetching}>
          <div className="grid gap-6 lg:grid-cols-2">
            <BarChart
              data={rows.map((r) => ({ label: t.segments[r.segment] ?? r.segment, value: r.customers }))}
              orientation="horizontal"
              seriesLabel={t.columns.customers}
              categoryWidth={140}
              height={Math.max(240, rows.length * 30)}
              ariaLabel={t.charts.rfm}
            />
            <DataTable columns={segmentColumns} data={rows} labels={t.table} getRowId={(r) => r.segment} csvFilename="rfm-segments" pageSize={11} initialSort={{ columnId: 'customers', direction: 'desc' }} />
          </div>
        </QueryBoundary>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 className="font-semibold">{t.customers.segmentMembers}</h3>
          <ExportButton table="rfm_members" filters={{ segment }} />
          <Select value={segment ?? 'all'} onValueChange={(v) => setParam('segment', v === 'all' ? undefined : v)}>
            <SelectTrigger className="w-56" aria-label={t.columns.segment}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value="all">{t.customers.allSegments}</SelectItem>
              {RFM_SEGMENT_NAMES.map((s) => (
                <SelectItem key={s} value={s}>
                  {t.segments[s] ?? s}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        <QueryBoundary loading={members.isPending} error={members.error} empty={memberRows.length === 0} onRetry={() => void members.refetch()} retrying={members.isFetching}>
          <DataTable columns={memberColumns} data={memberRows} labels={t.table} getRowId={(r) => String(r.customerId)} csvFilename={`rfm-${segment ?? 'all'}`} pageSize={10} filterable />
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}
