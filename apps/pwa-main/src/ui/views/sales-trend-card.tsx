'use client';

import type { SalesTrendPoint } from '@salla-analytics/olap-repository';
import {
  Card,
  CardContent,
  CardHeader,
  currencyFractionDigits,
  formatCompactNumber,
  formatMoney,
  TimeSeriesChart,
} from '@salla-analytics/ui-components';
import { useAppLocale } from '../i18n-context';
import { QueryBoundary } from '../query-states';
import { useApi } from '../use-api';
import { SectionTitle } from '../section-title';

interface TrendData {
  granularity: 'day' | 'week' | 'month';
  current: SalesTrendPoint[];
  comparison: SalesTrendPoint[] | null;
}

export function SalesTrendCard({ params }: { params: Record<string, string | undefined> }) {
  const { t } = useAppLocale();
  const trend = useApi<TrendData>('/api/v1/trend', params);
  const currency = (trend.data?.meta.currency as string | undefined) ?? 'SAR';
  const data = trend.data?.data;
  // The chart works in major units (axis ticks); tooltips convert back to exact minor units.
  const unit = 10 ** currencyFractionDigits(currency);
  const points = (data?.current ?? []).map((point, i) => ({
    date: point.bucket,
    value: point.netSalesMinor / unit,
    ...(data?.comparison ? { comparison: (data.comparison[i]?.netSalesMinor ?? 0) / unit, comparisonDate: data.comparison[i]?.bucket } : {}),
  }));
  return (
    <Card>
      <CardHeader>
        <SectionTitle>{t.charts.salesTrend}</SectionTitle>
      </CardHeader>
      <CardContent>
        <QueryBoundary
          loading={trend.isPending}
          error={trend.error}
          empty={points.every((p) => p.value === 0)}
          onRetry={() => void trend.refetch()}
          retrying={trend.isFetching}
          skeletonHeight={280}
        >
          <TimeSeriesChart
            data={points}
            variant="area"
            seriesLabel={t.charts.netSales}
            {...(data?.comparison ? { comparisonLabel: t.charts.comparison } : {})}
            formatValue={(v, locale) => formatMoney({ amountMinor: Math.round(v * unit), currency }, locale)}
            formatAxisValue={(v, locale) => formatCompactNumber(v, locale)}
            ariaLabel={t.charts.salesTrend}
            height={280}
          />
        </QueryBoundary>
      </CardContent>
    </Card>
  );
}
