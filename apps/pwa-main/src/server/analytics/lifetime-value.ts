import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { ltvQuerySchema } from '../../contracts/analytics-queries';

/** Historic lifetime value to the end of the period, overall and per acquisition month. */
export async function getLifetimeValue(context: ServerContext, merchantId: number, query: z.output<typeof ltvQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const asOf = periods.period.to;
  const result = await cachedQuery(context, merchantId, 'ltv', { asOf, timeZone: settings.timeZone }, () =>
    context.analytics.getCustomerLifetimeValue({ merchantId, asOf, timeZone: settings.timeZone }),
  );
  return {
    data: result.data,
    meta: { ...result.meta, ...periodMeta({ ...periods, comparison: null }), asOf: asOf.toISOString(), currency: settings.currency },
  };
}
