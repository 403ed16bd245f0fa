import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '../src/env';
import { closeContext } from '../src/server/context';
import { resetRateLimitersForTests } from '../src/server/security/rate-limit';
import { callRoute, cookiesFrom, ORIGIN } from './support/call-route';
import { startTestStack, type TestStack } from './support/test-stack';

const CLIENT_ID = 'salla-client-id';
const CLIENT_SECRET = 'salla-client-secret';
const REDIRECT_URI = `${ORIGIN}/api/auth/salla/callback`;
const STORE_ID = 1_305_146_709; // larger than int32, as real Salla store ids are

/** Salla's accounts server as documented: /oauth2/token (form POST) and /oauth2/user/info (Bearer). */
interface FakeSalla {
  url: string;
  requests: { path: string; body: string; authorization?: string }[];
  close(): Promise<void>;
}

async function startFakeSalla(): Promise<FakeSalla> {
  const requests: FakeSalla['requests'] = [];
  const users: Record<string, { email: string; role: string }> = {
    'code-owner': { email: 'owner@store.example', role: 'user' },
    'code-staff': { email: 'staff@store.example', role: 'employee' },
  };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString();
    const path = (req.url ?? '').split('?')[0] ?? '';
    requests.push({ path, body, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const send = (status: number, json: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (req.method === 'POST' && path === '/oauth2/token') {
      const form = new URLSearchParams(body);
      const user = users[form.get('code') ?? ''];
      const valid =
        form.get('grant_type') === 'authorization_code' &&
        form.get('client_id') === CLIENT_ID &&
        form.get('client_secret') === CLIENT_SECRET &&
        form.get('redirect_uri') === REDIRECT_URI;
      if (!valid || !user) return send(400, { error: 'invalid_grant', error_description: 'The authorization code is invalid' });
      return send(200, { access_token: `at-${form.get('code')}`, refresh_token: 'rt', expires_in: 1_209_600, scope: 'offline_access', token_type: 'bearer' });
    }
    if (req.method === 'GET' && path === '/oauth2/user/info') {
      const code = (req.headers.authorization ?? '').replace('Bearer at-', '');
      const user = users[code];
      if (!user) return send(401, { status: 401, success: false, error: { code: 'Unauthorized' } });
      return send(200, {
        status: 200,
        success: true,
        data: {
          id: 42,
          name: 'أحمد',
          email: user.email,
          mobile: '+966500000000',
          role: user.role,
          created_at: '2024-01-01 10:00:00',
          merchant: { id: STORE_ID, username: 'mystore', name: 'متجري', avatar: null, store_location: 'riyadh', plan: 'pro', status: 'active', domain: 'https://mystore.salla.sa', created_at: '2023-01-01 10:00:00' },
        },
      });
    }
    send(404, { error: 'not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let stack: TestStack;
let salla: FakeSalla;

beforeAll(async () => {
  [stack, salla] = await Promise.all([startTestStack([]), startFakeSalla()]);
  Object.assign(process.env, stack.env, {
    SALLA_CLIENT_ID: CLIENT_ID,
    SALLA_CLIENT_SECRET: CLIENT_SECRET,
    SALLA_REDIRECT_URI: REDIRECT_URI,
    SALLA_ACCOUNTS_URL: salla.url,
    CACHE_INVALIDATION_LISTEN: 'false',
  });
  resetEnvForTests();
  resetRateLimitersForTests();
}, 300_000);

afterAll(async () => {
  await closeContext();
  await Promise.all([stack?.stop(), salla?.close()]);
});

async function begin(): Promise<{ state: string; stateCookie: string; location: URL }> {
  const response = await callRoute('/api/auth/salla/login');
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location') as string);
  const stateCookie = cookiesFrom(response);
  return { state: location.searchParams.get('state') as string, stateCookie, location };
}

describe('Salla OAuth (authorization code)', () => {
  it('sends the browser to Salla with offline_access and a state bound to an httpOnly cookie', async () => {
    const { location, state, stateCookie } = await begin();
    expect(`${location.origin}${location.pathname}`).toBe(`${salla.url}/oauth2/auth`);
    expect(Object.fromEntries(location.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: 'offline_access',
    });
    expect(state.length).toBeGreaterThanOrEqual(32);
    expect(stateCookie).toBe(`sa_oauth_state=${state}`);
  });

  it('exchanges the code, records the store and its owner, and starts a session on that store', async () => {
    const { state, stateCookie } = await begin();
    const callback = await callRoute('/api/auth/salla/callback', { query: { code: 'code-owner', state }, cookie: stateCookie });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/');
    const setCookies = callback.headers.getSetCookie().join('\n');
    expect(setCookies).toMatch(/sa_session=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Lax; Max-Age=\d+; HttpOnly/);
    expect(setCookies).toMatch(/sa_oauth_state=; .*Max-Age=0/);
    const session = cookiesFrom(callback).split('; ').find((c) => c.startsWith('sa_session=')) as string;

    const me = await callRoute('/api/v1/me', { cookie: session });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { data: unknown }).data).toMatchObject({ role: 'owner', store: { merchantId: STORE_ID, name: 'متجري' } });
    const token = salla.requests.find((r) => r.path === '/oauth2/token');
    expect(new URLSearchParams(token?.body).get('grant_type')).toBe('authorization_code');
    expect(salla.requests.find((r) => r.path === '/oauth2/user/info')?.authorization).toBe('Bearer at-code-owner');
  });

  it('makes other Salla users staff: they read but cannot change settings', async () => {
    const { state, stateCookie } = await begin();
    const callback = await callRoute('/api/auth/salla/callback', { query: { code: 'code-staff', state }, cookie: stateCookie });
    const session = cookiesFrom(callback).split('; ').find((c) => c.startsWith('sa_session=')) as string;
    expect((await callRoute('/api/v1/settings', { cookie: session })).status).toBe(200);
    const patch = await callRoute('/api/v1/settings', { method: 'PATCH', cookie: session, body: { weekStart: 'monday' }, headers: { origin: ORIGIN } });
    expect(patch.status).toBe(403);
  });

  it('refuses a state that does not match the cookie, a missing cookie and a bad code', async () => {
    const { state, stateCookie } = await begin();
    const cases: { query: Record<string, string>; cookie?: string; error: string }[] = [
      { query: { code: 'code-owner', state: `${state}x` }, cookie: stateCookie, error: 'FORBIDDEN' },
      { query: { code: 'code-owner', state }, error: 'FORBIDDEN' },
      { query: { code: 'stolen', state }, cookie: stateCookie, error: 'UNAUTHENTICATED' },
      { query: { error: 'access_denied', state }, cookie: stateCookie, error: 'UNAUTHENTICATED' },
    ];
    for (const { query, cookie, error } of cases) {
      const response = await callRoute('/api/auth/salla/callback', { query, ...(cookie ? { cookie } : {}) });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/login?error=${error}`);
      expect(response.headers.getSetCookie().join('\n')).not.toMatch(/sa_session=[^;]/);
    }
  });

  it('never offers the demo login once Salla credentials are configured', async () => {
    const demo = await callRoute('/api/auth/demo', { method: 'POST', headers: { origin: ORIGIN } });
    expect(demo.status).toBe(404);
    expect(((await demo.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
  });
});
