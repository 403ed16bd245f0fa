import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { overviewQuerySchema } from '../../contracts/analytics-queries';

/** Headline KPIs for the period with the comparison period's values. */
export async function getOverview(context: ServerContext, merchantId: number, query: z.output<typeof overviewQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const result = await cachedQuery(context, merchantId, 'overview', periods, () =>
    context.analytics.getRevenueOverview({ merchantId, period: periods.period, comparison: periods.comparison }),
  );
  return { data: result.data, meta: { ...result.meta, ...periodMeta(periods), currency: result.data.currency ?? settings.currency } };
}
