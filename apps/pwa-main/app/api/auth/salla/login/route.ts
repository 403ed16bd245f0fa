import { beginSallaLogin } from '../../../../../src/server/auth/sign-in';
import { route } from '../../../../../src/server/http/route';

/** Starts Salla's authorization-code flow (a plain link: CSP form-action would stop a cross-origin form redirect). */
export const GET = route(
  { method: 'GET', path: '/api/auth/salla/login', tag: 'auth', summary: 'Log in with Salla', auth: false },
  async () => {
    const { location, cookie } = beginSallaLogin();
    return new Response(null, { status: 302, headers: { location, 'set-cookie': cookie } });
  },
);
