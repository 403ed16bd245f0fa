import { createCipheriv, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acquireRefreshLock,
  type Database,
  type EncryptedToken,
  getInstallationTokens,
  markMerchantUninstalled,
  releaseRefreshLock,
  saveInstallationTokens,
  upsertMerchant,
} from '../src/index.js';
import { startPostgres, type TestPostgres } from './support/postgres.js';

// Stand-in for the AES-256-GCM module of integration-gateways: this package only stores the parts.
const key = randomBytes(32);
function encrypt(plaintext: string, keyId = 'k1'): EncryptedToken {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId };
}

const MERCHANT = 1305146709n;
const ACCESS = 'ory_at_ACCESS-token-plaintext-0123456789';
const REFRESH = 'ory_rt_REFRESH-token-plaintext-9876543210';

let postgres: TestPostgres;
let db: Database;
let database: string;
beforeAll(async () => {
  postgres = await startPostgres();
  const created = await postgres.createMigratedDatabase();
  db = created.db;
  database = new URL(created.url).pathname.slice(1);
  await upsertMerchant(db, { id: MERCHANT, name: 'متجر التجربة', domain: 'demo.salla.sa' });
});
afterAll(async () => {
  await postgres?.stop();
});

describe('saveInstallationTokens', () => {
  it('stores only ciphertext, IV, auth tag and key id: no column holds a plaintext token', async () => {
    const result = await saveInstallationTokens(db, {
      merchantId: MERCHANT,
      accessToken: encrypt(ACCESS),
      refreshToken: encrypt(REFRESH),
      expiresAt: new Date('2026-12-05T00:00:00Z'),
      scope: 'offline_access orders.read',
    });
    expect(result).toEqual({ saved: true, version: 1 });

    // Read the raw row the way an attacker with a database dump would: every column as text.
    const rows = await postgres.query<{ row: string }>(
      database,
      'SELECT i::text AS row FROM installations i',
    );
    expect(rows).toHaveLength(1);
    const dump = rows[0]?.row ?? '';
    for (const secret of [ACCESS, REFRESH]) {
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(Buffer.from(secret, 'utf8').toString('hex'));
      expect(dump).not.toContain(secret.slice(0, 12));
    }
    const columns = await postgres.query<{ column_name: string }>(
      database,
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'installations'",
    );
    expect(columns.map((c) => c.column_name)).not.toContain('access_token');
    expect(columns.map((c) => c.column_name)).not.toContain('refresh_token');
  });

  it('returns the encrypted parts unchanged', async () => {
    const accessToken = encrypt(ACCESS, 'k2');
    const refreshToken = encrypt(REFRESH, 'k2');
    await saveInstallationTokens(db, {
      merchantId: MERCHANT,
      accessToken,
      refreshToken,
      expiresAt: new Date('2026-12-06T00:00:00Z'),
    });
    const stored = await getInstallationTokens(db, MERCHANT);
    expect(Buffer.from(stored?.accessToken.ciphertext ?? [])).toEqual(accessToken.ciphertext);
    expect(Buffer.from(stored?.refreshToken.authTag ?? [])).toEqual(refreshToken.authTag);
    expect(stored?.accessToken.keyId).toBe('k2');
    expect(stored?.tokenType).toBe('bearer');
  });

  it('refuses a write based on a stale version (optimistic concurrency)', async () => {
    const current = await getInstallationTokens(db, MERCHANT);
    const version = current?.version ?? 0;
    const tokens = {
      merchantId: MERCHANT,
      accessToken: encrypt('new-access'),
      refreshToken: encrypt('new-refresh'),
      expiresAt: new Date('2026-12-07T00:00:00Z'),
    };
    expect(await saveInstallationTokens(db, { ...tokens, expectedVersion: version })).toEqual({
      saved: true,
      version: version + 1,
    });
    expect(await saveInstallationTokens(db, { ...tokens, expectedVersion: version })).toEqual({
      saved: false,
      reason: 'version-conflict',
    });
  });
});

describe('refresh lock', () => {
  it('is held by one caller at a time until released, saved over, or expired', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    const attempts = await Promise.all(
      Array.from({ length: 5 }, () => acquireRefreshLock(db, { merchantId: MERCHANT, leaseMs: 30_000, now })),
    );
    expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
    expect(await acquireRefreshLock(db, { merchantId: MERCHANT, now })).toEqual({
      acquired: false,
      reason: 'locked',
    });

    const later = new Date(now.getTime() + 30_001);
    expect((await acquireRefreshLock(db, { merchantId: MERCHANT, now: later })).acquired).toBe(true);

    await releaseRefreshLock(db, MERCHANT);
    expect((await acquireRefreshLock(db, { merchantId: MERCHANT, now })).acquired).toBe(true);
    expect(await acquireRefreshLock(db, { merchantId: 42, now })).toEqual({
      acquired: false,
      reason: 'not-installed',
    });
  });
});

describe('markMerchantUninstalled', () => {
  it('marks the merchant uninstalled and forgets its tokens', async () => {
    expect(await markMerchantUninstalled(db, MERCHANT)).toBe(true);
    expect(await getInstallationTokens(db, MERCHANT)).toBeNull();
    expect(await db.merchant.findUnique({ where: { id: MERCHANT } })).toMatchObject({
      status: 'uninstalled',
    });
    expect(await markMerchantUninstalled(db, 77)).toBe(false);
  });
});
