import { randomBytes } from 'node:crypto';
import { isAppError } from '@salla-analytics/core-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSallaOAuthClient,
  createSallaTokenProvider,
  createTokenCipher,
  isReinstallRequired,
  type LocalSalla,
  sallaTokenContext,
  startLocalSallaServer,
} from '../src/index.js';
import { createMemoryTokenStore } from './support/memory-token-store.js';

const CLIENT = { clientId: 'app-client', clientSecret: 'app-secret-0123456789' };
const cipher = createTokenCipher([{ keyId: 'k1', key: randomBytes(32) }]);
let salla: LocalSalla;

beforeAll(async () => {
  salla = await startLocalSallaServer({ ...CLIENT, refreshDelayMs: 150 });
});
afterAll(async () => {
  await salla?.close();
});

/** A store holding the merchant's tokens as the pipeline saves them from app.store.authorize (Easy mode). */
function installed(merchantId: number, options: { expired?: boolean } = {}) {
  const tokens = salla.issueTokens(merchantId);
  const store = createMemoryTokenStore();
  const context = sallaTokenContext(merchantId);
  store.rows.set(merchantId, {
    accessToken: cipher.encrypt(tokens.accessToken, context),
    refreshToken: cipher.encrypt(tokens.refreshToken, context),
    expiresAt: options.expired ? new Date(Date.now() - 1_000) : new Date(tokens.expires * 1000),
    version: 1,
    lockedUntil: 0,
  });
  return { store, tokens };
}

const oauth = () => createSallaOAuthClient({ ...CLIENT, accountsUrl: salla.accountsUrl, redirectUri: 'https://app.example.com/api/auth/salla/callback' });

describe('Salla OAuth client (authorization-code flow) against the local accounts server', () => {
  it('builds the authorize URL with offline_access and state', () => {
    const url = new URL(oauth().authorizeUrl('state-123'));
    expect(url.pathname).toBe('/oauth2/auth');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ response_type: 'code', client_id: CLIENT.clientId, scope: 'offline_access', state: 'state-123' });
  });

  it('exchanges a code once for tokens and reads who logged in', async () => {
    const code = salla.createAuthorizationCode(501, 'https://app.example.com/api/auth/salla/callback');
    const tokens = await oauth().exchangeCode(code);
    expect(tokens.accessToken).toMatch(/^at_/);
    expect(tokens.refreshToken).toMatch(/^rt_/);
    expect(tokens.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(tokens.scopes).toContain('offline_access');
    const info = await oauth().userInfo(tokens.accessToken);
    expect(info.merchant.id).toBe(501);
    const again = await oauth().exchangeCode(code).catch((error: unknown) => error);
    expect(isAppError(again) && again.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong client secret and a bad access token', async () => {
    const bad = createSallaOAuthClient({ ...CLIENT, clientSecret: 'wrong', accountsUrl: salla.accountsUrl });
    await expect(bad.exchangeCode('x')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(oauth().userInfo('nope')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('times out instead of hanging on an accounts server that never answers', async () => {
    const silent = await import('node:http').then(({ createServer }) => createServer(() => undefined));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const started = Date.now();
    const slow = createSallaOAuthClient({ ...CLIENT, accountsUrl: `http://127.0.0.1:${port}`, timeoutMs: 300 });
    await expect(slow.refresh('rt_x')).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3_000);
    silent.closeAllConnections();
    silent.close();
  });
});

describe('token refresh under the per-merchant lock', () => {
  it('returns a fresh stored token without calling Salla', async () => {
    const { store, tokens } = installed(601);
    const before = salla.stats().refreshRequests;
    const provider = createSallaTokenProvider({ store, cipher, oauth: oauth() });
    expect(await provider.accessToken(601)).toBe(tokens.accessToken);
    expect(salla.stats().refreshRequests).toBe(before);
  });

  it('20 concurrent callers of one provider send exactly one refresh request', async () => {
    const { store } = installed(602, { expired: true });
    const before = salla.stats().refreshRequests;
    const provider = createSallaTokenProvider({ store, cipher, oauth: oauth() });
    const results = await Promise.all(Array.from({ length: 20 }, () => provider.accessToken(602)));
    expect(salla.stats().refreshRequests - before).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(store.saves).toBe(1);
    expect(salla.stats().refreshTokenReuses).toEqual([]);
  });

  it('20 separate providers (as 20 processes) sharing the store send exactly one refresh request', async () => {
    const { store } = installed(603, { expired: true });
    const before = salla.stats().refreshRequests;
    const providers = Array.from({ length: 20 }, () => createSallaTokenProvider({ store, cipher, oauth: oauth(), pollMs: 20 }));
    const results = await Promise.all(providers.map((provider) => provider.accessToken(603)));
    expect(salla.stats().refreshRequests - before).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(salla.stats().refreshTokenReuses).toEqual([]);
    // The stored row now holds the new pair, encrypted for this merchant only.
    const row = store.rows.get(603);
    expect(row?.version).toBe(2);
    expect(cipher.decrypt(row!.accessToken, sallaTokenContext(603))).toBe(results[0]);
    expect(() => cipher.decrypt(row!.accessToken, sallaTokenContext(604))).toThrow();
  });

  it('a token Salla rejected (401) is refreshed once, even when many callers report it', async () => {
    const { store, tokens } = installed(605);
    const before = salla.stats().refreshRequests;
    const provider = createSallaTokenProvider({ store, cipher, oauth: oauth() });
    const other = createSallaTokenProvider({ store, cipher, oauth: oauth(), pollMs: 20 });
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => provider.accessToken(605, { rejected: tokens.accessToken })),
      ...Array.from({ length: 10 }, () => other.accessToken(605, { rejected: tokens.accessToken })),
    ]);
    expect(salla.stats().refreshRequests - before).toBe(1);
    expect(new Set(results).size).toBe(1);
    expect(results[0]).not.toBe(tokens.accessToken);
  });

  it('a revoked chain (invalid_grant) says the app must be reinstalled, and releases the lock', async () => {
    const { store } = installed(606, { expired: true });
    salla.issueTokens(606);
    // Salla revoked the chain (e.g. a reuse elsewhere): the stored refresh token no longer works.
    const revoke = createSallaOAuthClient({ ...CLIENT, accountsUrl: salla.accountsUrl });
    const row = store.rows.get(606)!;
    const refreshToken = cipher.decrypt(row.refreshToken, sallaTokenContext(606));
    await revoke.refresh(refreshToken);
    const reusesBefore = salla.stats().refreshTokenReuses.length;
    const provider = createSallaTokenProvider({ store, cipher, oauth: oauth() });
    const error = await provider.accessToken(606).catch((caught: unknown) => caught);
    expect(isReinstallRequired(error)).toBe(true);
    expect(store.rows.get(606)?.lockedUntil).toBe(0);
    // (That one reuse is the simulated revocation, not the provider's doing.)
    expect(salla.stats().refreshTokenReuses.length).toBe(reusesBefore + 1);
  });
});
