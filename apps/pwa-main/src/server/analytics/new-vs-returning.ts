import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { newVsReturningQuerySchema } from '../../contracts/analytics-queries';

export async function getNewVsReturningCustomers(
  context: ServerContext,
  merchantId: number,
  query: z.output<typeof newVsReturningQuerySchema>,
) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const result = await cachedQuery(context, merchantId, 'new-vs-returning', periods, async () => ({
    current: await context.analytics.getNewVsReturning({ merchantId, period: periods.period }),
    comparison: periods.comparison ? await context.analytics.getNewVsReturning({ merchantId, period: periods.comparison }) : null,
  }));
  return { data: result.data, meta: { ...result.meta, ...periodMeta(periods), currency: settings.currency } };
}
