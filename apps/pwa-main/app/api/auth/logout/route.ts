import { endSession } from '../../../../src/server/auth/session';
import { route } from '../../../../src/server/http/route';

export const POST = route(
  { method: 'POST', path: '/api/auth/logout', tag: 'auth', summary: 'Log out', auth: false },
  async ({ context, sessionToken }) => {
    const cookie = await endSession(context.db, sessionToken);
    return new Response(null, { status: 303, headers: { location: '/login', 'set-cookie': cookie } });
  },
);
