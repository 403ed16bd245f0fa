import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SallaCustomer, SallaOrder, SallaProduct } from '@salla-analytics/core-library';
import { type IssuedTokens, LocalAccounts, type LocalSallaUser, type RefreshReuse } from './accounts.js';
import { LeakyBucket, type LeakyBucketOptions, SlidingWindow } from './leaky-bucket.js';
import { type LocalResource, LocalStoreData } from './store-data.js';

export interface LocalSallaServerOptions {
  port?: number;
  clientId: string;
  clientSecret: string;
  /** Access-token lifetime (Salla: 14 days). */
  accessTokenTtlSeconds?: number;
  /** Per-store leaky bucket (default Salla Plus: 120, ~2 per second). */
  rateLimit?: LeakyBucketOptions;
  /** `/customers` cap (default 500 per 10 minutes). */
  customersCap?: { limit: number; windowMs: number };
  /** Delay before answering a refresh (widens race windows in tests). */
  refreshDelayMs?: number;
}

export interface LocalSallaRequest {
  merchantId: number | null;
  path: string;
  page?: number;
  status: number;
  at: number;
}

/** A request that came in while its store had been told to wait (`Retry-After`). */
export interface RetryAfterViolation {
  merchantId: number;
  path: string;
  at: number;
  blockedUntil: number;
}

export interface LocalSallaFaults {
  /** The next `times` Admin API requests whose path starts with `path` get `status`. */
  fail(path: string, status: number, times: number): void;
  /** The next `times` matching requests are answered only after `ms` (timeouts). */
  delay(path: string, ms: number, times: number): void;
  /** The next `times` requests get 429 with `Retry-After: retryAfter` whatever the bucket says (a storm). */
  throttle(times: number, retryAfter: number): void;
  /** These pages of a resource come back empty (a glitch that loses data), `times` times each. */
  emptyPages(resource: LocalResource, pages: number[], times?: number): void;
  /** Lists carry order summaries (id, date, status, total) instead of full orders. */
  orderSummaries(on: boolean): void;
  clear(): void;
}

export interface LocalSalla {
  /** Base URL of the accounts side (`SALLA_ACCOUNTS_URL`). */
  accountsUrl: string;
  /** Base URL of the Admin API (`SALLA_API_URL`), `<url>/admin/v2`. */
  apiUrl: string;
  /** The store's catalogue; mutate it to simulate what happens at Salla. */
  store(merchantId: number): LocalStoreData;
  seed(merchantId: number, data: { orders?: SallaOrder[]; products?: SallaProduct[]; customers?: SallaCustomer[] }): void;
  /** Tokens as app.store.authorize would bring them (given values are registered as-is). */
  issueTokens(merchantId: number, options?: { accessToken?: string; refreshToken?: string; ttlSeconds?: number }): IssuedTokens;
  expireAccessTokens(merchantId: number): void;
  /** An authorization code, as Salla's redirect would carry it, for the code flow. */
  createAuthorizationCode(merchantId: number, redirectUri?: string): string;
  setUser(user: LocalSallaUser): void;
  faults: LocalSallaFaults;
  stats(): {
    refreshRequests: number;
    /** Refresh tokens presented a second time — must stay empty. */
    refreshTokenReuses: RefreshReuse[];
    codeExchanges: number;
    retryAfterViolations: RetryAfterViolation[];
    requests: LocalSallaRequest[];
    throttled: number;
  };
  close(): Promise<void>;
}

interface Fault {
  path: string;
  times: number;
  status?: number;
  delayMs?: number;
}

/**
 * Salla's accounts server and Admin API v2 for one machine, speaking the documented protocol:
 * `POST /oauth2/token` (authorization_code, refresh_token — a refresh token works once, a reuse
 * revokes the chain and is recorded), `GET /oauth2/user/info`, `GET /oauth2/auth` (redirects with
 * a code); `GET /admin/v2/orders|products|customers` with `page`/`per_page` (max 60) and
 * `{ status, success, data, pagination }`, `GET /admin/v2/orders/{id}`; a per-store leaky bucket
 * with `X-RateLimit-Limit/Remaining/Reset`, 429 + `Retry-After`, and the `/customers` cap. It
 * records every request that arrives before a `Retry-After` it gave has passed.
 */
export async function startLocalSallaServer(options: LocalSallaServerOptions): Promise<LocalSalla> {
  const accounts = new LocalAccounts(options.accessTokenTtlSeconds ?? 14 * 24 * 3600);
  const stores = new Map<number, LocalStoreData>();
  const buckets = new Map<number, LeakyBucket>();
  const customerWindows = new Map<number, SlidingWindow>();
  const blockedUntil = new Map<number, number>();
  const requests: LocalSallaRequest[] = [];
  const violations: RetryAfterViolation[] = [];
  let faults: Fault[] = [];
  let storm = { times: 0, retryAfter: 1 };
  let throttled = 0;
  const emptyPages = new Map<string, number>();
  let summaries = false;
  const rateLimit = options.rateLimit ?? { capacity: 120, leakPerSecond: 2 };
  const customersCap = options.customersCap ?? { limit: 500, windowMs: 600_000 };

  const storeOf = (merchantId: number) => {
    let store = stores.get(merchantId);
    if (!store) {
      store = new LocalStoreData();
      stores.set(merchantId, store);
    }
    return store;
  };

  const send = (res: ServerResponse, status: number, body: string | object, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const takeFault = (path: string): Fault | undefined => {
    const fault = faults.find((candidate) => candidate.status !== undefined && path.startsWith(candidate.path) && candidate.times > 0);
    if (fault) fault.times -= 1;
    return fault;
  };

  async function token(req: IncomingMessage, res: ServerResponse) {
    const form = new URLSearchParams(await readBody(req));
    if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
      return send(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    let result: IssuedTokens | 'invalid_grant';
    const grant = form.get('grant_type');
    if (grant === 'refresh_token') {
      if (options.refreshDelayMs) await new Promise((resolve) => setTimeout(resolve, options.refreshDelayMs));
      result = accounts.refresh(form.get('refresh_token') ?? '');
    } else if (grant === 'authorization_code') {
      result = accounts.exchange(form.get('code') ?? '', form.get('redirect_uri') ?? undefined);
    } else {
      return send(res, 400, { error: 'unsupported_grant_type' });
    }
    if (result === 'invalid_grant') return send(res, 400, { error: 'invalid_grant', error_description: 'The refresh token or code is invalid, expired or revoked' });
    return send(res, 200, {
      access_token: result.accessToken,
      refresh_token: result.refreshToken,
      expires_in: result.expiresIn,
      scope: result.scope,
      token_type: 'bearer',
    });
  }

  function admin(req: IncomingMessage, res: ServerResponse, url: URL) {
    const path = url.pathname.slice('/admin/v2'.length) || '/';
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const merchantId = bearer === undefined ? undefined : accounts.merchantOf(bearer);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const log = (status: number) => requests.push({ merchantId: merchantId ?? null, path, page, status, at: Date.now() });
    if (merchantId === undefined) {
      log(401);
      return send(res, 401, { status: 401, success: false, error: { code: 'Unauthorized', message: 'Invalid or expired access token' } });
    }
    const now = Date.now();
    const blocked = blockedUntil.get(merchantId) ?? 0;
    if (now < blocked) violations.push({ merchantId, path, at: now, blockedUntil: blocked });

    const tooMany = (retryAfter: number, limitHeaders: Record<string, string>) => {
      throttled += 1;
      blockedUntil.set(merchantId, Math.max(blocked, now + retryAfter * 1000));
      log(429);
      send(res, 429, { status: 429, success: false, error: { code: 'Too Many Attempts', message: 'Too many requests' } }, { ...limitHeaders, 'retry-after': String(retryAfter) });
    };
    let bucket = buckets.get(merchantId);
    if (!bucket) {
      bucket = new LeakyBucket(rateLimit);
      buckets.set(merchantId, bucket);
    }
    const decision = bucket.take(now);
    const limitHeaders = {
      'x-ratelimit-limit': String(decision.limit),
      'x-ratelimit-remaining': String(decision.remaining),
      'x-ratelimit-reset': String(decision.reset),
    };
    if (storm.times > 0) {
      storm.times -= 1;
      return tooMany(storm.retryAfter, { ...limitHeaders, 'x-ratelimit-remaining': '0' });
    }
    if (!decision.allowed) return tooMany(decision.retryAfter ?? 1, limitHeaders);
    if (path.startsWith('/customers')) {
      let window = customerWindows.get(merchantId);
      if (!window) {
        window = new SlidingWindow(customersCap.limit, customersCap.windowMs);
        customerWindows.set(merchantId, window);
      }
      const capped = window.take(now);
      if (!capped.allowed) return tooMany(capped.retryAfter ?? 1, limitHeaders);
    }

    const respond = () => {
      const fault = takeFault(path);
      if (fault?.status !== undefined) {
        log(fault.status);
        return send(res, fault.status, { status: fault.status, success: false, error: { code: 'error', message: 'Simulated failure' } }, limitHeaders);
      }
      const store = storeOf(merchantId);
      const single = /^\/orders\/(\d+)$/.exec(path);
      if (single) {
        const json = store.orders.get(Number(single[1]));
        log(json ? 200 : 404);
        if (!json) return send(res, 404, { status: 404, success: false, error: { code: 'not_found', message: 'Order not found' } }, limitHeaders);
        return send(res, 200, `{"status":200,"success":true,"data":${json}}`, limitHeaders);
      }
      const resource = /^\/(orders|products|customers)\/?$/.exec(path)?.[1] as LocalResource | undefined;
      if (!resource) {
        log(404);
        return send(res, 404, { status: 404, success: false, error: { code: 'not_found', message: 'Unknown endpoint' } }, limitHeaders);
      }
      const perPage = Math.min(60, Math.max(1, Number(url.searchParams.get('per_page') ?? 15) || 15));
      const list = store[resource];
      const total = list.size;
      const totalPages = Math.ceil(total / perPage);
      const emptyKey = `${resource}:${page}`;
      const empties = emptyPages.get(emptyKey) ?? 0;
      if (empties > 0) emptyPages.set(emptyKey, empties - 1);
      const items = empties > 0 ? [] : list.page(page, perPage, resource === 'orders' && summaries);
      const pagination = {
        count: items.length,
        total,
        perPage,
        currentPage: page,
        totalPages,
        links: page < totalPages ? { next: `${url.origin}/admin/v2/${resource}?page=${page + 1}&per_page=${perPage}` } : {},
      };
      log(200);
      return send(res, 200, `{"status":200,"success":true,"data":[${items.join(',')}],"pagination":${JSON.stringify(pagination)}}`, limitHeaders);
    };
    const delayed = faults.find((candidate) => path.startsWith(candidate.path) && candidate.times > 0 && candidate.delayMs !== undefined);
    if (delayed) {
      delayed.times -= 1;
      setTimeout(respond, delayed.delayMs);
      return;
    }
    respond();
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local-salla');
    const route = async () => {
      if (req.method === 'POST' && url.pathname === '/oauth2/token') return token(req, res);
      if (req.method === 'GET' && url.pathname === '/oauth2/user/info') {
        const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        const merchantId = bearer === undefined ? undefined : accounts.merchantOf(bearer);
        if (merchantId === undefined) return send(res, 401, { status: 401, success: false, error: { code: 'Unauthorized', message: 'Invalid token' } });
        return send(res, 200, { status: 200, success: true, data: accounts.userOf(merchantId) });
      }
      if (req.method === 'GET' && url.pathname === '/oauth2/auth') {
        const redirect = url.searchParams.get('redirect_uri');
        const merchant = Number(url.searchParams.get('merchant') ?? stores.keys().next().value ?? 0);
        if (!redirect || url.searchParams.get('client_id') !== options.clientId) return send(res, 400, { error: 'invalid_request' });
        const target = new URL(redirect);
        target.searchParams.set('code', accounts.createCode(merchant, redirect));
        target.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { location: target.toString() });
        return res.end();
      }
      if (req.method === 'GET' && url.pathname.startsWith('/admin/v2/')) return admin(req, res, url);
      send(res, 404, { error: 'not_found' });
    };
    route().catch((error: unknown) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  return {
    accountsUrl: base,
    apiUrl: `${base}/admin/v2`,
    store: storeOf,
    seed(merchantId, data) {
      const store = storeOf(merchantId);
      for (const order of data.orders ?? []) store.putOrder(order);
      for (const product of data.products ?? []) store.putProduct(product);
      for (const customer of data.customers ?? []) store.putCustomer(customer);
    },
    issueTokens: (merchantId, tokenOptions) => accounts.issue(merchantId, tokenOptions),
    expireAccessTokens: (merchantId) => accounts.expireAccessTokens(merchantId),
    createAuthorizationCode: (merchantId, redirectUri) => accounts.createCode(merchantId, redirectUri),
    setUser: (user) => accounts.setUser(user),
    faults: {
      fail: (path, status, times) => void faults.push({ path, status, times }),
      delay: (path, ms, times) => void faults.push({ path, delayMs: ms, times }),
      throttle: (times, retryAfter) => {
        storm = { times, retryAfter };
      },
      emptyPages: (resource, pages, times = 1) => {
        for (const page of pages) emptyPages.set(`${resource}:${page}`, times);
      },
      orderSummaries: (on) => {
        summaries = on;
      },
      clear: () => {
        faults = [];
        storm = { times: 0, retryAfter: 1 };
        emptyPages.clear();
        summaries = false;
      },
    },
    stats: () => ({
      refreshRequests: accounts.refreshRequests,
      refreshTokenReuses: [...accounts.reuses],
      codeExchanges: accounts.codeExchanges,
      retryAfterViolations: [...violations],
      requests: [...requests],
      throttled,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
