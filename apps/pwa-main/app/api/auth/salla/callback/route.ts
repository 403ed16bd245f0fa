import { isAppError } from '@salla-analytics/core-library';
import { z } from 'zod';
import { completeSallaLogin, keepChosenLanguage, OAUTH_STATE_COOKIE } from '../../../../../src/server/auth/sign-in';
import { expiredCookie, readCookies } from '../../../../../src/server/http/cookies';
import { route } from '../../../../../src/server/http/route';

const callbackQuery = z.object({ code: z.string().min(1).max(2048), state: z.string().min(1).max(256) });

/** Salla redirects here with ?code&state; errors go back to the login page with a reason code. */
export const GET = route(
  { method: 'GET', path: '/api/auth/salla/callback', tag: 'auth', summary: 'Salla OAuth callback', auth: false },
  async ({ context, request, log }) => {
    const url = new URL(request.url);
    const headers = new Headers({ 'set-cookie': expiredCookie(OAUTH_STATE_COOKIE, { path: '/api/auth/salla' }) });
    const parsed = callbackQuery.safeParse(Object.fromEntries(url.searchParams));
    try {
      if (!parsed.success) throw new Error(url.searchParams.get('error') ?? 'missing code');
      const { cookies } = await completeSallaLogin(context, {
        code: parsed.data.code,
        state: parsed.data.state,
        expectedState: readCookies(request.headers.get('cookie')).get(OAUTH_STATE_COOKIE),
      });
      for (const cookie of keepChosenLanguage(cookies, request)) headers.append('set-cookie', cookie);
      headers.set('location', '/');
    } catch (error) {
      const code = isAppError(error) ? error.code : 'UNAUTHENTICATED';
      log.warn({ code }, 'Salla login failed');
      headers.set('location', `/login?error=${encodeURIComponent(code)}`);
    }
    return new Response(null, { status: 303, headers });
  },
);
