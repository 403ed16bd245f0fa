import {
  acquireRefreshLock,
  type Database,
  getInstallationTokens,
  releaseRefreshLock,
  saveInstallationTokens,
} from '@salla-analytics/database-schema';
import type { SallaTokenStore } from '@salla-analytics/integration-gateways';

/**
 * integration-gateways' token store port on the installations table: the refresh lease is one
 * conditional UPDATE (safe across processes and machines), and a refreshed pair is saved only if
 * the row is still at the version read before refreshing.
 */
export function createInstallationTokenStore(db: Database, leaseOverride?: { now?: () => Date }): SallaTokenStore {
  const now = leaseOverride?.now ?? (() => new Date());
  return {
    async load(merchantId) {
      const row = await getInstallationTokens(db, merchantId);
      return row && { accessToken: row.accessToken, refreshToken: row.refreshToken, expiresAt: row.expiresAt, version: row.version };
    },
    async acquireRefreshLock(merchantId, leaseMs) {
      const result = await acquireRefreshLock(db, { merchantId, leaseMs, now: now() });
      return result.acquired ? { acquired: true, version: result.version } : result;
    },
    async save(merchantId, tokens, expectedVersion) {
      const result = await saveInstallationTokens(db, { merchantId, ...tokens, expectedVersion });
      return { saved: result.saved };
    },
    releaseRefreshLock: (merchantId) => releaseRefreshLock(db, merchantId),
  };
}
