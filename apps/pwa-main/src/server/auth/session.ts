import { createHash, randomBytes } from 'node:crypto';
import {
  type ActiveSession,
  createSession,
  type Database,
  deleteSession,
  findActiveSession,
  setActiveMerchant,
} from '@salla-analytics/database-schema';
import { getEnv } from '../../env';
import { expiredCookie, readCookies, serializeCookie } from '../http/cookies';

/** `__Host-` pins the cookie to this exact origin over HTTPS; plain HTTP (local stack) cannot use it. */
export function sessionCookieName(): string {
  return getEnv().cookieSecure ? '__Host-sa_session' : 'sa_session';
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The session token from the request's cookie, if any (never logged). */
export function sessionTokenOf(request: Request): string | undefined {
  const token = readCookies(request.headers.get('cookie')).get(sessionCookieName());
  return token && /^[A-Za-z0-9_-]{43}$/.test(token) ? token : undefined;
}

export async function readSession(db: Database, token: string | undefined): Promise<ActiveSession | null> {
  if (!token) return null;
  return findActiveSession(db, hashSessionToken(token));
}

/**
 * Starts a session for a user on one of their stores. Only the SHA-256 of the token is stored;
 * the token itself lives in an httpOnly, SameSite=Lax cookie.
 */
export async function startSession(db: Database, userId: string, merchantId: bigint | number): Promise<{ cookie: string }> {
  const env = getEnv();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + env.SESSION_TTL_HOURS * 3_600_000);
  const session = await createSession(db, { tokenHash: hashSessionToken(token), userId, expiresAt });
  const switched = await setActiveMerchant(db, session.id, merchantId);
  if (!switched) throw new Error('the user is not a member of this store');
  return {
    cookie: serializeCookie(sessionCookieName(), token, {
      maxAgeSeconds: env.SESSION_TTL_HOURS * 3600,
      secure: env.cookieSecure,
      httpOnly: true,
      sameSite: 'Lax',
    }),
  };
}

export async function endSession(db: Database, token: string | undefined): Promise<string> {
  if (token) await deleteSession(db, hashSessionToken(token));
  return expiredCookie(sessionCookieName(), { secure: getEnv().cookieSecure });
}
