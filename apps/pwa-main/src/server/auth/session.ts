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

// Every API request resolves its session; a few seconds of memo per token spares two PostgreSQL
// round trips per request under load. Logout evicts here at once; another instance may honour a
// just-deleted session for at most SESSION_MEMO_MS.
const SESSION_MEMO_MS = 5_000;
const memo = new Map<string, { at: number; session: ActiveSession | null }>();

export async function readSession(db: Database, token: string | undefined): Promise<ActiveSession | null> {
  if (!token) return null;
  const hash = hashSessionToken(token);
  const now = Date.now();
  const hit = memo.get(hash);
  if (hit && now - hit.at < SESSION_MEMO_MS && (!hit.session || hit.session.expiresAt.getTime() > now)) return hit.session;
  const session = await findActiveSession(db, hash);
  if (memo.size > 10_000) memo.clear();
  memo.set(hash, { at: now, session });
  return session;
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
  if (token) {
    memo.delete(hashSessionToken(token));
    await deleteSession(db, hashSessionToken(token));
  }
  return expiredCookie(sessionCookieName(), { secure: getEnv().cookieSecure });
}
