import { AppError, type SallaOrder } from '@salla-analytics/core-library';
import { isNetworkOrTimeout, jitteredBackoffMs, retryAfterMs, sleep } from '../../http/backoff.js';
import {
  type InvalidSallaItem,
  isFullOrder,
  resourceSchemas,
  type SallaPage,
  type SallaResource,
  type SallaResources,
  sallaItemEnvelopeSchema,
  sallaListEnvelopeSchema,
} from './responses.js';
import { readRateLimitHeaders, StoreRateLimiter } from './store-rate-limiter.js';

export const SALLA_API_URL = 'https://api.salla.dev/admin/v2';
export const SALLA_MAX_PER_PAGE = 60;

export interface SallaAdminClientOptions {
  /** https://api.salla.dev/admin/v2, or a local stand-in. */
  baseUrl?: string;
  /** Usually `createSallaTokenProvider(...).accessToken`; `rejected` asks for a refresh after a 401. */
  accessToken(merchantId: number, options?: { rejected?: string }): Promise<string>;
  /** Shared by every client of the process so one store's budget is seen by all (default: one per client). */
  rateLimiter?: StoreRateLimiter;
  /** Per request (default 15 s). */
  timeoutMs?: number;
  /** Retries on 5xx, timeouts and network errors (default 5), with jittered exponential backoff. */
  maxRetries?: number;
  /** Backoff base and cap in ms (defaults 250 / 10,000). */
  backoff?: { baseMs?: number; capMs?: number };
  /** 429s tolerated for one request before giving up (each one waits as told). Default 50. */
  max429?: number;
  /** Salla's default language is Arabic; names come back as the merchant entered them. */
  language?: 'ar' | 'en';
  /** Observes every HTTP exchange (metrics, tests). */
  onResponse?: (event: { merchantId: number; path: string; status: number; ms: number }) => void;
}

export interface ListOptions {
  page?: number;
  /** 1..60 (Salla's maximum); larger values are clamped. Default 60. */
  perPage?: number;
}

export interface SallaAdminClient {
  listOrders(merchantId: number, options?: ListOptions): Promise<SallaPage<SallaOrder>>;
  listProducts(merchantId: number, options?: ListOptions): Promise<SallaPage<SallaResources['products']>>;
  listCustomers(merchantId: number, options?: ListOptions): Promise<SallaPage<SallaResources['customers']>>;
  list<R extends SallaResource>(resource: R, merchantId: number, options?: ListOptions): Promise<SallaPage<SallaResources[R]>>;
  getOrder(merchantId: number, orderId: number): Promise<SallaOrder>;
  /** Every page in order (`page` 1..totalPages), for simple callers; a backfill keeps its own checkpoint instead. */
  pages<R extends SallaResource>(resource: R, merchantId: number, options?: ListOptions): AsyncGenerator<SallaPage<SallaResources[R]>>;
}

interface RawResponse {
  body: unknown;
  servedAt: Date;
  servedAtSource: 'server' | 'client';
  requestMs: number;
}

/**
 * Salla's Admin API v2 for orders, products and customers. Every request waits for the store's
 * rate limiter, carries a fresh access token (a 401 refreshes it once), retries 5xx, timeouts
 * and network errors with jittered backoff, obeys 429 `Retry-After`, and is parsed with zod into
 * core-library types. Order list entries without amounts or date (summaries) are completed from
 * `/orders/{id}`.
 */
export function createSallaAdminClient(options: SallaAdminClientOptions): SallaAdminClient {
  const base = (options.baseUrl ?? SALLA_API_URL).replace(/\/+$/, '');
  const limiter = options.rateLimiter ?? new StoreRateLimiter();
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxRetries = options.maxRetries ?? 5;
  const max429 = options.max429 ?? 50;
  const backoffBase = options.backoff?.baseMs ?? 250;
  const backoffCap = options.backoff?.capMs ?? 10_000;

  async function request(merchantId: number, path: string, query: Record<string, string> = {}): Promise<RawResponse> {
    const kind = path.startsWith('/customers') ? 'customers' : 'other';
    const url = new URL(`${base}${path}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    let failures = 0;
    let throttled = 0;
    let rejected: string | undefined;
    let refreshed = false;
    for (;;) {
      const token = await options.accessToken(merchantId, rejected === undefined ? {} : { rejected });
      const release = await limiter.acquire(merchantId, kind);
      const startedAt = Date.now();
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'accept-language': options.language ?? 'ar' },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        release();
        if (!isNetworkOrTimeout(error) || failures >= maxRetries) {
          const timedOut = error instanceof Error && error.name === 'TimeoutError';
          throw new AppError(timedOut ? 'TIMEOUT' : 'UPSTREAM_UNAVAILABLE', `Salla ${path} ${timedOut ? 'timed out' : 'unreachable'} after ${failures + 1} tries`, {
            cause: error,
            context: { merchantId, path },
          });
        }
        await sleep(jitteredBackoffMs(failures++, backoffBase, backoffCap));
        continue;
      }
      const requestMs = Date.now() - startedAt;
      const wait = retryAfterMs(response.headers.get('retry-after'));
      limiter.observe(merchantId, readRateLimitHeaders(response.headers, response.status, wait));
      release();
      options.onResponse?.({ merchantId, path, status: response.status, ms: requestMs });

      if (response.status === 429) {
        await response.body?.cancel();
        if (++throttled > max429) throw new AppError('RATE_LIMITED', `Salla kept rate-limiting ${path}`, { context: { merchantId, path } });
        continue; // the limiter holds the next attempt until Retry-After
      }
      if (response.status === 401 && !refreshed) {
        await response.body?.cancel();
        refreshed = true;
        rejected = token;
        continue;
      }
      if (response.status >= 500) {
        await response.body?.cancel();
        if (failures >= maxRetries) {
          throw new AppError('UPSTREAM_UNAVAILABLE', `Salla ${path} answered ${response.status} after ${failures + 1} tries`, { context: { merchantId, path } });
        }
        await sleep(jitteredBackoffMs(failures++, backoffBase, backoffCap));
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : response.status === 404 ? 'NOT_FOUND' : 'UPSTREAM_UNAVAILABLE';
        throw new AppError(code, `Salla ${path} answered ${response.status}`, { retryable: false, context: { merchantId, path, status: response.status } });
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch (error) {
        if (failures >= maxRetries) throw new AppError('UPSTREAM_UNAVAILABLE', `Salla ${path} sent a body that is not JSON`, { cause: error });
        await sleep(jitteredBackoffMs(failures++, backoffBase, backoffCap));
        continue;
      }
      const dateHeader = Date.parse(response.headers.get('date') ?? '');
      return Number.isNaN(dateHeader)
        ? { body, servedAt: new Date(startedAt), servedAtSource: 'client', requestMs }
        : { body, servedAt: new Date(dateHeader), servedAtSource: 'server', requestMs };
    }
  }

  async function list<R extends SallaResource>(resource: R, merchantId: number, listOptions: ListOptions = {}): Promise<SallaPage<SallaResources[R]>> {
    const page = Math.max(1, Math.floor(listOptions.page ?? 1));
    const perPage = Math.min(SALLA_MAX_PER_PAGE, Math.max(1, Math.floor(listOptions.perPage ?? SALLA_MAX_PER_PAGE)));
    const raw = await request(merchantId, `/${resource}`, { page: String(page), per_page: String(perPage) });
    const envelope = sallaListEnvelopeSchema.safeParse(raw.body);
    if (!envelope.success) {
      throw new AppError('UPSTREAM_UNAVAILABLE', `Unexpected Salla /${resource} reply (no data list)`, { context: { merchantId, page } });
    }
    const schema = resourceSchemas[resource];
    const items: SallaResources[R][] = [];
    const invalid: InvalidSallaItem[] = [];
    for (const entry of envelope.data.data) {
      const parsed = schema.safeParse(entry);
      if (parsed.success) items.push(parsed.data);
      else invalid.push({ id: idOf(entry), raw: entry, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    }
    if (resource === 'orders') {
      // Summaries (no amounts/date) are completed from the order's own endpoint, one by one.
      for (const [index, order] of (items as SallaOrder[]).entries()) {
        if (!isFullOrder(order)) (items as SallaOrder[])[index] = await getOrder(merchantId, order.id);
      }
    }
    const pagination = envelope.data.pagination;
    return {
      items,
      invalid,
      page,
      perPage,
      total: pagination?.total ?? items.length + invalid.length,
      totalPages: pagination?.totalPages ?? 1,
      servedAt: raw.servedAt,
      servedAtSource: raw.servedAtSource,
      requestMs: raw.requestMs,
    };
  }

  async function getOrder(merchantId: number, orderId: number): Promise<SallaOrder> {
    const raw = await request(merchantId, `/orders/${orderId}`);
    const envelope = sallaItemEnvelopeSchema.safeParse(raw.body);
    const parsed = envelope.success ? resourceSchemas.orders.safeParse(envelope.data.data) : undefined;
    if (!parsed?.success) throw new AppError('UPSTREAM_UNAVAILABLE', `Unexpected Salla /orders/${orderId} reply`, { context: { merchantId, orderId } });
    return parsed.data;
  }

  return {
    list,
    listOrders: (merchantId, listOptions) => list('orders', merchantId, listOptions),
    listProducts: (merchantId, listOptions) => list('products', merchantId, listOptions),
    listCustomers: (merchantId, listOptions) => list('customers', merchantId, listOptions),
    getOrder,
    async *pages(resource, merchantId, listOptions = {}) {
      for (let page = listOptions.page ?? 1; ; page++) {
        const result = await list(resource, merchantId, { ...listOptions, page });
        yield result;
        if (page >= result.totalPages) return;
      }
    },
  };
}

function idOf(entry: unknown): number | null {
  const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : null;
}
