import { getEnv } from '../../env';

/**
 * Mutations (POST/PATCH/DELETE) must come from our own pages. The session cookie is SameSite=Lax,
 * so a cross-site form POST arrives without it anyway; on top of that the request's Origin (or,
 * without one, Sec-Fetch-Site) must name this app: APP_ORIGIN when configured, else the host the
 * request was sent to. Returns why a request is refused, or null.
 */
export function crossSiteReason(request: Request): string | null {
  const configured = getEnv().APP_ORIGIN;
  const expectedHost = configured
    ? new URL(configured).host
    : (request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? new URL(request.url).host);
  const origin = request.headers.get('origin');
  if (origin !== null) {
    try {
      return new URL(origin).host === expectedHost ? null : 'cross-origin request';
    } catch {
      return 'malformed Origin header';
    }
  }
  return request.headers.get('sec-fetch-site') === 'same-origin' ? null : 'missing Origin header';
}
