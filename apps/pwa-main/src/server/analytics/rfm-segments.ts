import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { rfmQuerySchema } from '../../contracts/analytics-queries';

/** RFM segments as of the end of the period. */
export async function getRfm(context: ServerContext, merchantId: number, query: z.output<typeof rfmQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const asOf = periods.period.to;
  const result = await cachedQuery(context, merchantId, 'rfm', { asOf }, () => context.analytics.getRfmSegments({ merchantId, asOf }));
  return {
    data: result.data,
    meta: { ...result.meta, ...periodMeta({ ...periods, comparison: null }), asOf: asOf.toISOString(), currency: settings.currency },
  };
}
