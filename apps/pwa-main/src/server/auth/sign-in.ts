import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '@salla-analytics/core-library';
import {
  findOrCreateUser,
  getMerchant,
  grantMembership,
  listUserMerchants,
  type MembershipRole,
  upsertMerchant,
} from '@salla-analytics/database-schema';
import { getEnv } from '../../env';
import type { ServerContext } from '../context';
import { serializeCookie } from '../http/cookies';
import { exchangeSallaCode, fetchSallaUserInfo, type SallaOAuthConfig, sallaAuthorizeUrl } from './salla-oauth-client';
import { startSession } from './session';

export const OAUTH_STATE_COOKIE = 'sa_oauth_state';
export const LANG_COOKIE = 'sa_lang';
const DEMO_EMAIL = 'demo-owner@example.com';

export function sallaConfig(): SallaOAuthConfig {
  const env = getEnv();
  if (!env.sallaOAuth) throw new AppError('NOT_FOUND', 'Salla login is not configured');
  return {
    clientId: env.SALLA_CLIENT_ID as string,
    clientSecret: env.SALLA_CLIENT_SECRET as string,
    redirectUri: env.SALLA_REDIRECT_URI as string,
    accountsUrl: env.SALLA_ACCOUNTS_URL,
  };
}

/** Step 1: a fresh `state` in a short-lived httpOnly cookie, and Salla's authorization URL. */
export function beginSallaLogin(): { location: string; cookie: string } {
  const state = randomBytes(24).toString('base64url');
  return {
    location: sallaAuthorizeUrl(sallaConfig(), state),
    cookie: serializeCookie(OAUTH_STATE_COOKIE, state, { maxAgeSeconds: 600, secure: getEnv().cookieSecure, path: '/api/auth/salla' }),
  };
}

/**
 * Step 2: checks `state` against the cookie, exchanges the code, reads who logged in for which
 * store, records the store, the user and their role, and starts a session on that store.
 */
export async function completeSallaLogin(
  context: ServerContext,
  input: { code: string; state: string; expectedState: string | undefined },
): Promise<{ cookies: string[] }> {
  if (!input.expectedState || !sameText(input.state, input.expectedState)) {
    throw new AppError('FORBIDDEN', 'The login request expired or did not start here; try again');
  }
  const config = sallaConfig();
  const tokens = await exchangeSallaCode(config, input.code);
  const info = await fetchSallaUserInfo(config, tokens.accessToken);
  if (!info.email) throw new AppError('FORBIDDEN', 'Salla did not share an e-mail address for this user');
  const merchant = await upsertMerchant(context.db, {
    id: info.merchant.id,
    name: info.merchant.name ?? info.merchant.username ?? `Store ${info.merchant.id}`,
    ...(info.merchant.domain ? { domain: info.merchant.domain } : {}),
  });
  const { user } = await findOrCreateUser(context.db, { email: info.email, ...(info.name ? { name: info.name } : {}) });
  const existing = (await listUserMerchants(context.db, user.id)).find((m) => BigInt(m.merchantId) === merchant.id);
  // Salla's store owner logs in as role "user"; anyone else is staff (read-only) until promoted here.
  const role: MembershipRole = existing?.role ?? (info.role === 'user' || info.role === 'owner' ? 'owner' : 'viewer');
  await grantMembership(context.db, { userId: user.id, merchantId: merchant.id, role });
  const session = await startSession(context.db, user.id, merchant.id);
  return { cookies: [session.cookie, langCookie(merchant.locale)] };
}

/** The one-click demo login: the demo store's owner, only where getEnv().demoLogin allows it. */
export async function demoLogin(context: ServerContext): Promise<{ cookies: string[] }> {
  const env = getEnv();
  if (!env.demoLogin) throw new AppError('NOT_FOUND', 'The demo login is not available here');
  const merchant = await getMerchant(context.db, env.DEMO_MERCHANT_ID);
  if (!merchant) throw new AppError('NOT_FOUND', 'The demo store is not loaded; start the local stack with pnpm start');
  const { user } = await findOrCreateUser(context.db, { email: DEMO_EMAIL, name: 'Demo owner' });
  await grantMembership(context.db, { userId: user.id, merchantId: merchant.id, role: 'owner' });
  const session = await startSession(context.db, user.id, merchant.id);
  return { cookies: [session.cookie, langCookie(merchant.locale)] };
}

/** The store's language becomes this browser's, unless the visitor already chose one. */
export function keepChosenLanguage(cookies: string[], request: Request): string[] {
  const chosen = /(?:^|;\s*)sa_lang=(?:ar|en)(?:;|$)/.test(request.headers.get('cookie') ?? '');
  return chosen ? cookies.filter((cookie) => !cookie.startsWith(`${LANG_COOKIE}=`)) : cookies;
}

export function langCookie(lang: 'ar' | 'en'): string {
  // Readable by the page script (the language switch), so not httpOnly; it holds no secret.
  return serializeCookie(LANG_COOKIE, lang, { maxAgeSeconds: 365 * 86_400, httpOnly: false, secure: getEnv().cookieSecure });
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
