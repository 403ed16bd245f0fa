import type { ServerContext } from '../context';
import { bffMetrics } from '../observability/metrics';

/**
 * Runs a repository query through the per-merchant cache. `params` must hold every input of the
 * query (resolved period instants included) so equal keys always mean equal answers.
 */
export async function cachedQuery<T>(
  context: ServerContext,
  merchantId: number,
  name: string,
  params: unknown,
  load: () => Promise<T>,
): Promise<{ data: T; meta: { computedAt: string; cached: boolean } }> {
  const answer = await context.cache.getOrLoad(merchantId, name, params, load);
  bffMetrics().cacheRequests.inc({ query: name, result: answer.hit ? 'hit' : 'miss' });
  return { data: answer.value, meta: { computedAt: answer.computedAt.toISOString(), cached: answer.hit } };
}
