import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { categoriesQuerySchema } from '../../contracts/analytics-queries';

export async function getCategories(context: ServerContext, merchantId: number, query: z.output<typeof categoriesQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const result = await cachedQuery(context, merchantId, 'categories', { period: periods.period, limit: query.limit }, () =>
    context.analytics.getCategoryPerformance({ merchantId, period: periods.period, limit: query.limit }),
  );
  return { data: result.data, meta: { ...result.meta, ...periodMeta({ ...periods, comparison: null }), currency: settings.currency } };
}
