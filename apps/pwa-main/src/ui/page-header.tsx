'use client';

import { DateRangePicker } from '@salla-analytics/ui-components';
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FreshnessIndicator } from './freshness-indicator';
import { useAppLocale } from './i18n-context';
import { usePeriod } from './use-period';

/** Page title, the date-range picker (state in the URL) and the freshness indicator. */
export function PageHeader({ title, computedAt, maxDate, children }: { title: string; computedAt?: string; maxDate?: string; children?: ReactNode }) {
  const { t } = useAppLocale();
  const { value, setValue } = usePeriod();
  const client = useQueryClient();
  const fetching = useIsFetching() > 0;
  return (
    <header className="flex flex-wrap items-center justify-between gap-3">
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <FreshnessIndicator computedAt={computedAt} fetching={fetching} onRefresh={() => void client.invalidateQueries()} />
        <DateRangePicker value={value} onChange={setValue} labels={t.picker} {...(maxDate ? { maxDate } : {})} />
      </div>
    </header>
  );
}
