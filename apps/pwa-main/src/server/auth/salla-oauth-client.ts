import { AppError } from '@salla-analytics/core-library';
import { z } from 'zod';

export interface SallaOAuthConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** https://accounts.salla.sa, or a local stand-in in tests. */
  accountsUrl: string;
  timeoutMs?: number;
}

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().optional(),
  token_type: z.string().optional(),
  expires_in: z.coerce.number().optional(),
  scope: z.string().optional(),
});

/** Salla's user-info reply; only what we use is required. Unknown keys are kept and ignored. */
const userInfoSchema = z.looseObject({
  data: z.looseObject({
    id: z.coerce.number(),
    name: z.string().nullish(),
    email: z.string().nullish(),
    role: z.string().nullish(),
    merchant: z.looseObject({
      id: z.coerce.number().int().positive(),
      name: z.string().nullish(),
      username: z.string().nullish(),
      domain: z.string().nullish(),
    }),
  }),
});

export type SallaUserInfo = z.infer<typeof userInfoSchema>['data'];

/** The authorization URL the browser is sent to (scope `offline_access`, our CSRF `state`). */
export function sallaAuthorizeUrl(config: SallaOAuthConfig, state: string): string {
  const url = new URL('/oauth2/auth', config.accountsUrl);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: 'offline_access',
    state,
  }).toString();
  return url.toString();
}

/** Exchanges the authorization code for tokens (form-encoded POST to /oauth2/token). */
export async function exchangeSallaCode(config: SallaOAuthConfig, code: string): Promise<z.infer<typeof tokenSchema>> {
  const response = await call(config, '/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uri: config.redirectUri,
      scope: 'offline_access',
    }).toString(),
  });
  return parse(tokenSchema, response, 'token');
}

/** Who logged in, and for which store (GET /oauth2/user/info with the access token). */
export async function fetchSallaUserInfo(config: SallaOAuthConfig, accessToken: string): Promise<SallaUserInfo> {
  const response = await call(config, '/oauth2/user/info', {
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  });
  return parse(userInfoSchema, response, 'user info').data;
}

async function call(config: SallaOAuthConfig, path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(new URL(path, config.accountsUrl), { ...init, signal: AbortSignal.timeout(config.timeoutMs ?? 10_000) });
  } catch (error) {
    throw new AppError('UPSTREAM_UNAVAILABLE', `Salla accounts unreachable (${path})`, { cause: error });
  }
  if (response.status === 400 || response.status === 401) {
    throw new AppError('UNAUTHENTICATED', `Salla refused the ${path === '/oauth2/token' ? 'authorization code' : 'access token'}`);
  }
  if (!response.ok) throw new AppError('UPSTREAM_UNAVAILABLE', `Salla accounts answered ${response.status} (${path})`);
  return response.json();
}

function parse<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('UPSTREAM_UNAVAILABLE', `Unexpected Salla ${what} reply`);
  return parsed.data;
}
