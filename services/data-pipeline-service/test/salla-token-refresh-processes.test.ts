import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { saveInstallationTokens, upsertMerchant } from '@salla-analytics/database-schema';
import { createTokenCipher, type LocalSalla, parseTokenEncryptionKeys, sallaTokenContext, startLocalSallaServer } from '@salla-analytics/integration-gateways';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type TestPostgres } from './support/postgres.js';

const CHILD = resolve(import.meta.dirname, 'support/refresh-child.ts');
const KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;
const M = 1305146709;
let postgres: TestPostgres;
let salla: LocalSalla;
let url: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  const created = await postgres.createMigratedDatabase('refresh');
  url = created.url;
  // The accounts server answers refreshes after 150 ms: wide windows for a race to happen.
  salla = await startLocalSallaServer({ clientId: 'app-client', clientSecret: 'app-secret-0123456789', refreshDelayMs: 150 });
  const issued = salla.issueTokens(M);
  const cipher = createTokenCipher(parseTokenEncryptionKeys(KEYS));
  const context = sallaTokenContext(M);
  await upsertMerchant(created.db, { id: M, name: 'متجر' });
  await saveInstallationTokens(created.db, {
    merchantId: M,
    accessToken: cipher.encrypt(issued.accessToken, context),
    refreshToken: cipher.encrypt(issued.refreshToken, context),
    expiresAt: new Date(Date.now() - 1_000),
  });
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await salla?.close();
  await postgres?.stop();
});

function startChild() {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, url, salla.accountsUrl, KEYS, String(M)], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async round(): Promise<Array<{ token?: string; error?: string }>> {
      child.stdin!.write('round\n');
      const next = await lines.next();
      return JSON.parse(String(next.value));
    },
  };
}

describe('Salla token refresh across two OS processes (PostgreSQL refresh lease)', () => {
  it('20 concurrent callers in 2 processes send exactly one refresh per expiry, and never reuse a refresh token', async () => {
    const a = startChild();
    const b = startChild();
    const seen = new Set<string>();
    for (let round = 1; round <= 5; round++) {
      const before = salla.stats().refreshRequests;
      const [fromA, fromB] = await Promise.all([a.round(), b.round()]);
      const results = [...fromA, ...fromB];
      expect(results.filter((result) => result.error)).toEqual([]);
      const tokens = new Set(results.map((result) => result.token));
      // Everyone got the same new token, from one refresh request.
      expect(tokens.size).toBe(1);
      expect(salla.stats().refreshRequests - before).toBe(1);
      const token = [...tokens][0] as string;
      expect(seen.has(token)).toBe(false);
      seen.add(token);
      // Expire it again for the next round (as time would).
      await postgres.query('refresh', 'UPDATE installations SET expires_at = now() - interval \'1 second\'');
      salla.expireAccessTokens(M);
    }
    expect(salla.stats().refreshTokenReuses).toEqual([]);
    const [row] = await postgres.query<{ version: number; refresh_locked_until: Date | null }>('refresh', 'SELECT version, refresh_locked_until FROM installations');
    expect(row).toEqual({ version: 6, refresh_locked_until: null });
    for (const child of children) child.stdin!.write('exit\n');
  }, 120_000);
});
