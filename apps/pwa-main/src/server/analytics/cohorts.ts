import { addLocalMonths, localDateRangeToPeriod } from '@salla-analytics/core-library';
import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { cohortsQuerySchema } from '../../contracts/analytics-queries';

/** Monthly acquisition cohorts: the `months` months ending with the period's last month. */
export async function getCohorts(context: ServerContext, merchantId: number, query: z.output<typeof cohortsQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const lastMonth = `${periods.period.toDate.slice(0, 7)}-01`;
  const span = localDateRangeToPeriod(addLocalMonths(lastMonth, -(query.months - 1)), periods.period.toDate, settings.timeZone);
  const result = await cachedQuery(context, merchantId, 'cohorts', { span }, () =>
    context.analytics.getCohortRetention({ merchantId, period: span }),
  );
  return { data: result.data, meta: { ...result.meta, ...periodMeta({ period: span, comparison: null }), months: query.months } };
}
