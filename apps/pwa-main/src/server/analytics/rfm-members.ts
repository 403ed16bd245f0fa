import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { rfmMembersQuerySchema } from '../../contracts/analytics-queries';

/** The customers of one RFM segment (or all), with their scores. Ids only: no names or contacts. */
export async function getRfmMembers(context: ServerContext, merchantId: number, query: z.output<typeof rfmMembersQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const asOf = periods.period.to;
  const params = { asOf, segment: query.segment, limit: query.limit, offset: query.offset };
  const result = await cachedQuery(context, merchantId, 'rfm-members', params, () =>
    context.analytics.getRfmCustomers({
      merchantId,
      asOf,
      limit: query.limit,
      offset: query.offset,
      ...(query.segment ? { segment: query.segment } : {}),
    }),
  );
  return {
    data: result.data,
    meta: { ...result.meta, ...periodMeta({ ...periods, comparison: null }), asOf: asOf.toISOString(), currency: settings.currency },
  };
}
