import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { productsQuerySchema } from '../../contracts/analytics-queries';

export async function getProducts(context: ServerContext, merchantId: number, query: z.output<typeof productsQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const params = { period: periods.period, limit: query.limit, sortBy: query.sortBy };
  const result = await cachedQuery(context, merchantId, 'products', params, () =>
    context.analytics.getTopProducts({ merchantId, period: periods.period, limit: query.limit, sortBy: query.sortBy }),
  );
  return { data: result.data, meta: { ...result.meta, ...periodMeta({ ...periods, comparison: null }), currency: settings.currency } };
}
