import { type NextRequest, NextResponse } from 'next/server';
import { getEnv } from './src/env';
import { contentSecurityPolicy } from './src/server/security/content-security-policy';

/**
 * Per-request security headers for pages: a nonce-based CSP (Next puts the nonce on its own
 * scripts when it finds it in the request's CSP header) and, in production, HSTS. Static
 * headers (referrer policy, nosniff, …) come from next.config.ts. API routes skip the proxy (it
 * costs every request a hop); their wrapper sets HSTS and a no-content CSP itself.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: env.NODE_ENV === 'development', upgradeInsecure: env.production });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (env.production) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains; preload');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icons/|sw.js|manifest.webmanifest).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
