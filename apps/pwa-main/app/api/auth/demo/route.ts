import { demoLogin, keepChosenLanguage } from '../../../../src/server/auth/sign-in';
import { route } from '../../../../src/server/http/route';

/** One-click demo login (local stack only): POST from the login page, then to the Overview. */
export const POST = route(
  { method: 'POST', path: '/api/auth/demo', tag: 'auth', summary: 'Demo login', auth: false },
  async ({ context, request }) => {
    const { cookies } = await demoLogin(context);
    const headers = new Headers({ location: new URL('/', request.url).pathname });
    for (const cookie of keepChosenLanguage(cookies, request)) headers.append('set-cookie', cookie);
    return new Response(null, { status: 303, headers });
  },
);
