import type { NewSallaTokens, SallaTokenStore, StoredSallaTokens } from '../../src/index.js';

/**
 * The SallaTokenStore contract in memory, with the same lease semantics as database-schema's
 * conditional UPDATE (tests of one process; the pipeline's tests cover the Postgres store across
 * processes). Every call yields to the event loop, like a database round trip would.
 */
export function createMemoryTokenStore(): SallaTokenStore & { rows: Map<number, StoredSallaTokens & { lockedUntil: number }>; saves: number } {
  const rows = new Map<number, StoredSallaTokens & { lockedUntil: number }>();
  const tick = () => new Promise((resolve) => setImmediate(resolve));
  const store = {
    rows,
    saves: 0,
    async load(merchantId: number) {
      await tick();
      const row = rows.get(merchantId);
      return row ? { ...row } : null;
    },
    async acquireRefreshLock(merchantId: number, leaseMs: number) {
      await tick();
      const row = rows.get(merchantId);
      if (!row) return { acquired: false as const, reason: 'not-installed' as const };
      if (row.lockedUntil > Date.now()) return { acquired: false as const, reason: 'locked' as const };
      row.lockedUntil = Date.now() + leaseMs;
      return { acquired: true as const, version: row.version };
    },
    async save(merchantId: number, tokens: NewSallaTokens, expectedVersion: number) {
      await tick();
      const row = rows.get(merchantId);
      if (!row || row.version !== expectedVersion) return { saved: false };
      rows.set(merchantId, { ...tokens, version: expectedVersion + 1, lockedUntil: 0 });
      store.saves += 1;
      return { saved: true };
    },
    async releaseRefreshLock(merchantId: number) {
      await tick();
      const row = rows.get(merchantId);
      if (row) row.lockedUntil = 0;
    },
  };
  return store;
}
