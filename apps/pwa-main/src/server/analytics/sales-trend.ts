import { defaultGranularity } from '@salla-analytics/core-library';
import type { z } from 'zod';
import type { ServerContext } from '../context';
import { cachedQuery } from './cached-query';
import { loadStoreSettings } from './merchant-settings';
import { periodMeta, resolveQueryPeriod } from './resolve-query-period';
import type { trendQuerySchema } from '../../contracts/analytics-queries';

/** Sales per day/week/month, with the comparison period's series aligned bucket by bucket. */
export async function getTrend(context: ServerContext, merchantId: number, query: z.output<typeof trendQuerySchema>) {
  const settings = await loadStoreSettings(context.db, merchantId);
  const periods = resolveQueryPeriod(query, settings);
  const granularity = query.granularity ?? defaultGranularity(periods.period);
  const params = { ...periods, granularity, weekStart: settings.weekStart };
  const result = await cachedQuery(context, merchantId, 'trend', params, async () => {
    const [current, comparison] = await Promise.all([
      context.analytics.getSalesTrend({ merchantId, period: periods.period, granularity, weekStart: settings.weekStart }),
      periods.comparison
        ? context.analytics.getSalesTrend({ merchantId, period: periods.comparison, granularity, weekStart: settings.weekStart })
        : Promise.resolve(null),
    ]);
    return { granularity, current, comparison };
  });
  return { data: result.data, meta: { ...result.meta, ...periodMeta(periods), currency: settings.currency } };
}
