import { getEnv } from '../../env';

/**
 * Mutations (POST/PATCH/DELETE) must come from our own pages. The session cookie is SameSite=Lax,
 * so a cross-site form POST arrives without it anyway; on top of that the request's Origin (or,
 * without one, Sec-Fetch-Site) must name this app. Returns why a request is refused, or null.
 */
export function crossSiteReason(request: Request): string | null {
  const expected = getEnv().APP_ORIGIN ?? new URL(request.url).origin;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin === new URL(expected).origin ? null : 'cross-origin request';
  const site = request.headers.get('sec-fetch-site');
  if (site === 'same-origin') return null;
  return 'missing Origin header';
}
