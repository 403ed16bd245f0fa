import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { cartsQuerySchema } from '../../contracts/analytics-queries';

/** Abandoned carts: value, recovered share and value still at risk, with the comparison period. */
export async function getCarts(context: ServerContext, merchantId: number, query: z.output<typeof cartsQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const result = await cachedQuery(context, merchantId, 'carts', periods, async () => ({
    current: await context.analytics.getAbandonedCartSummary({ merchantId, period: periods.period }),
    comparison: periods.comparison ? await context.analytics.getAbandonedCartSummary({ merchantId, period: periods.comparison }) : null,
  }));
  return { data: result.data, meta: { ...result.meta, ...periodMeta(periods), currency: result.data.current.currency ?? settings.currency } };
}
