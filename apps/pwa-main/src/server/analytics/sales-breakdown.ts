import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { salesBreakdownQuerySchema } from '../../contracts/analytics-queries';

/** Sales by payment method, customer city or order status. */
export async function getSalesBreakdown(context: ServerContext, merchantId: number, query: z.output<typeof salesBreakdownQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const params = { period: periods.period, dimension: query.dimension, limit: query.limit };
  const result = await cachedQuery(context, merchantId, 'sales-breakdown', params, () =>
    context.analytics.getSalesByDimension({ merchantId, period: periods.period, dimension: query.dimension, limit: query.limit }),
  );
  return {
    data: result.data,
    meta: { ...result.meta, ...periodMeta({ ...periods, comparison: null }), dimension: query.dimension, currency: settings.currency },
  };
}
