import { describe, expect, it } from 'vitest';
import { getEnv } from './env';
import { contentSecurityPolicy } from './server/security/content-security-policy';

describe('getEnv', () => {
  it('offers the demo login only on the local stack and without Salla credentials', () => {
    expect(getEnv({ NODE_ENV: 'development' })).toMatchObject({ demoLogin: true, production: false, cookieSecure: false });
    expect(getEnv({ NODE_ENV: 'production' })).toMatchObject({ demoLogin: false, production: true, cookieSecure: true });
    expect(getEnv({ NODE_ENV: 'production', DEPLOYMENT_ENV: 'local' })).toMatchObject({ demoLogin: true, production: false });
    const salla = { SALLA_CLIENT_ID: 'id', SALLA_CLIENT_SECRET: 'secret', SALLA_REDIRECT_URI: 'https://app.example/api/auth/salla/callback' };
    expect(getEnv({ ...salla, DEPLOYMENT_ENV: 'local' })).toMatchObject({ sallaOAuth: true, demoLogin: false });
    expect(getEnv({ DEPLOYMENT_ENV: 'production', DEMO_LOGIN: 'true' }).demoLogin).toBe(false);
  });

  it('names the bad variable without echoing its value', () => {
    expect(() => getEnv({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).toThrow(/DATABASE_URL/);
    expect(() => getEnv({ DATABASE_URL: 'mysql://user:hunter2@db/x' })).not.toThrow(/hunter2/);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows scripts only with the nonce, forbids framing and other origins', () => {
    const csp = contentSecurityPolicy('abc123', { dev: false, upgradeInsecure: true });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('n', { dev: true, upgradeInsecure: false })).toContain("'unsafe-eval'");
  });
});
