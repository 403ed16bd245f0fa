import { AppError } from '@salla-analytics/core-library';
import { z } from 'zod';

export const SALLA_ACCOUNTS_URL = 'https://accounts.salla.sa';

export interface SallaOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Where Salla sends the browser back in the authorization-code flow. */
  redirectUri?: string;
  /** https://accounts.salla.sa, or a local stand-in (tests, the local stack). */
  accountsUrl?: string;
  /** Per request; keep it well under the refresh lock's lease. Default 10 s. */
  timeoutMs?: number;
}

/** Tokens in one shape, whatever Salla sent. Secrets: never log. */
export interface SallaTokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scopes: string[];
  tokenType: string;
}

// Salla answers with an OAuth 2 token response; `expires` (Unix seconds, as in app.store.authorize)
// and `expires_in` (a lifetime) are both accepted.
const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).nullish(),
  token_type: z.string().nullish(),
  expires_in: z.coerce.number().positive().nullish(),
  expires: z.coerce.number().positive().nullish(),
  scope: z.union([z.string(), z.array(z.string())]).nullish(),
});

const userInfoSchema = z.looseObject({
  data: z.looseObject({
    id: z.coerce.number(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    mobile: z.union([z.string(), z.number()]).nullish(),
    role: z.string().nullish(),
    merchant: z.looseObject({
      id: z.coerce.number().int().positive(),
      name: z.string().nullish(),
      username: z.string().nullish(),
      domain: z.string().nullish(),
    }),
  }),
});

/** Who logged in through Salla, and for which store. */
export type SallaUserInfo = z.infer<typeof userInfoSchema>['data'];

export interface SallaOAuthClient {
  /** The URL the browser is sent to (`response_type=code`, scope `offline_access` unless given). */
  authorizeUrl(state: string, scopes?: readonly string[]): string;
  /** Authorization-code flow: the code from the redirect → tokens. */
  exchangeCode(code: string): Promise<SallaTokenSet>;
  /**
   * Spends a refresh token (it works ONCE) for a new pair. Call it only under the merchant's
   * refresh lock — `createSallaTokenProvider` does. `invalid_grant` → `AppError('UNAUTHENTICATED')`
   * with `context.reason = 'invalid_grant'` (the chain is revoked: the merchant must reinstall).
   */
  refresh(refreshToken: string): Promise<SallaTokenSet>;
  userInfo(accessToken: string): Promise<SallaUserInfo>;
}

export function createSallaOAuthClient(config: SallaOAuthConfig): SallaOAuthClient {
  const accountsUrl = config.accountsUrl ?? SALLA_ACCOUNTS_URL;
  const timeoutMs = config.timeoutMs ?? 10_000;

  const tokenRequest = async (form: Record<string, string>, what: 'authorization code' | 'refresh token') => {
    const body = new URLSearchParams({ ...form, client_id: config.clientId, client_secret: config.clientSecret });
    const response = await call(accountsUrl, '/oauth2/token', timeoutMs, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: body.toString(),
    });
    if (response.status === 400 || response.status === 401) {
      const reason = await oauthError(response);
      throw new AppError('UNAUTHENTICATED', `Salla refused the ${what}`, { retryable: false, context: { reason } });
    }
    const parsed = tokenResponseSchema.safeParse(await json(response, '/oauth2/token'));
    if (!parsed.success) throw new AppError('UPSTREAM_UNAVAILABLE', 'Unexpected Salla token reply');
    return toTokenSet(parsed.data, what === 'refresh token');
  };

  return {
    authorizeUrl(state, scopes = ['offline_access']) {
      const url = new URL('/oauth2/auth', accountsUrl);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: config.clientId,
        ...(config.redirectUri ? { redirect_uri: config.redirectUri } : {}),
        scope: scopes.join(' '),
        state,
      }).toString();
      return url.toString();
    },
    exchangeCode(code) {
      return tokenRequest(
        {
          grant_type: 'authorization_code',
          code,
          ...(config.redirectUri ? { redirect_uri: config.redirectUri } : {}),
          scope: 'offline_access',
        },
        'authorization code',
      );
    },
    refresh(refreshToken) {
      return tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken }, 'refresh token');
    },
    async userInfo(accessToken) {
      const response = await call(accountsUrl, '/oauth2/user/info', timeoutMs, {
        headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
      });
      if (response.status === 400 || response.status === 401) {
        throw new AppError('UNAUTHENTICATED', 'Salla refused the access token');
      }
      const parsed = userInfoSchema.safeParse(await json(response, '/oauth2/user/info'));
      if (!parsed.success) throw new AppError('UPSTREAM_UNAVAILABLE', 'Unexpected Salla user info reply');
      return parsed.data.data;
    },
  };
}

async function call(base: string, path: string, timeoutMs: number, init: RequestInit): Promise<Response> {
  try {
    return await fetch(new URL(path, base), { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new AppError(timedOut ? 'TIMEOUT' : 'UPSTREAM_UNAVAILABLE', `Salla accounts ${timedOut ? 'timed out' : 'unreachable'} (${path})`, {
      cause: error,
    });
  }
}

async function json(response: Response, path: string): Promise<unknown> {
  if (!response.ok) {
    await response.body?.cancel();
    throw new AppError('UPSTREAM_UNAVAILABLE', `Salla accounts answered ${response.status} (${path})`);
  }
  try {
    return await response.json();
  } catch (error) {
    throw new AppError('UPSTREAM_UNAVAILABLE', `Salla accounts sent a reply that is not JSON (${path})`, { cause: error });
  }
}

async function oauthError(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: unknown };
    return typeof body.error === 'string' && /^[a-z_]{1,40}$/.test(body.error) ? body.error : 'refused';
  } catch {
    return 'refused';
  }
}

// Salla documents 14-day access tokens; used only when a reply carries no lifetime at all.
const DEFAULT_LIFETIME_SECONDS = 14 * 24 * 3600;

function toTokenSet(data: z.infer<typeof tokenResponseSchema>, refreshRequired: boolean): SallaTokenSet {
  if (!data.refresh_token) {
    // Without a new refresh token the chain would end here (ours was just spent).
    if (refreshRequired) throw new AppError('UPSTREAM_UNAVAILABLE', 'Salla refreshed without returning a refresh token');
  }
  const expiresAt = data.expires && data.expires > 1_000_000_000
    ? new Date(data.expires * 1000)
    : new Date(Date.now() + (data.expires_in ?? data.expires ?? DEFAULT_LIFETIME_SECONDS) * 1000);
  const scope = data.scope ?? '';
  return {
    accessToken: data.access_token,
    refreshToken: data.refresh_token ?? '',
    expiresAt,
    scopes: (Array.isArray(scope) ? scope : scope.split(/[\s,]+/)).filter((s) => s !== ''),
    tokenType: data.token_type ?? 'bearer',
  };
}
