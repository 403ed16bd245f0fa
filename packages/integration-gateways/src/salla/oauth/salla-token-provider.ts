import { AppError, isAppError } from '@salla-analytics/core-library';
import { sleep } from '../../http/backoff.js';
import { sallaTokenContext, type TokenCipher } from '../token-cipher.js';
import type { SallaOAuthClient } from './salla-oauth-client.js';
import type { SallaTokenStore } from './salla-token-store.js';

export interface SallaTokenProviderOptions {
  store: SallaTokenStore;
  cipher: TokenCipher;
  oauth: Pick<SallaOAuthClient, 'refresh'>;
  /** Refresh this long before expiry (default 5 minutes). */
  refreshBeforeMs?: number;
  /**
   * How long the refresh lease lasts if its holder dies. Must exceed the refresh request's timeout
   * by a wide margin, or a slow refresh could see a second process spend the same token.
   */
  lockLeaseMs?: number;
  /** How often a caller waiting for another process' refresh looks again. */
  pollMs?: number;
  /** How long a caller waits for someone else's refresh before giving up. */
  waitTimeoutMs?: number;
  now?: () => number;
}

export interface SallaTokenProvider {
  /**
   * A usable access token for the merchant, refreshed first when it expires within
   * `refreshBeforeMs`. Pass `rejected` = the token Salla just answered 401 to, to force a refresh
   * of exactly that token (if someone already replaced it, the replacement is returned).
   *
   * Whatever the number of callers, in this process or others, one refresh token is spent once:
   * callers in one process share one attempt, and processes take the store's per-merchant lease
   * and re-check the version under it.
   */
  accessToken(merchantId: number, options?: { rejected?: string }): Promise<string>;
}

/** Thrown when Salla revoked the token chain: only a reinstall (a new app.store.authorize) helps. */
export function isReinstallRequired(error: unknown): boolean {
  return isAppError(error) && error.code === 'UNAUTHENTICATED' && error.context?.reason === 'invalid_grant';
}

export function createSallaTokenProvider(options: SallaTokenProviderOptions): SallaTokenProvider {
  const { store, cipher, oauth } = options;
  const refreshBeforeMs = options.refreshBeforeMs ?? 5 * 60_000;
  const leaseMs = options.lockLeaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 100;
  const waitTimeoutMs = options.waitTimeoutMs ?? leaseMs * 2;
  const now = options.now ?? Date.now;
  const inFlight = new Map<string, Promise<string>>();
  // Decrypted tokens are kept only in memory of this process, only until they are due for refresh.
  const cache = new Map<number, { token: string; expiresAt: number }>();

  const usable = (token: string, expiresAt: number, rejected: string | undefined) =>
    token !== rejected && expiresAt - refreshBeforeMs > now();

  async function obtain(merchantId: number, rejected: string | undefined): Promise<string> {
    const context = sallaTokenContext(merchantId);
    const deadline = now() + waitTimeoutMs;
    for (;;) {
      const row = await store.load(merchantId);
      if (row === null) throw new AppError('NOT_FOUND', `Merchant ${merchantId} has no Salla installation`, { context: { merchantId } });
      const access = cipher.decrypt(row.accessToken, context);
      if (usable(access, row.expiresAt.getTime(), rejected)) {
        cache.set(merchantId, { token: access, expiresAt: row.expiresAt.getTime() });
        return access;
      }
      const lock = await store.acquireRefreshLock(merchantId, leaseMs);
      if (!lock.acquired) {
        if (lock.reason === 'not-installed') throw new AppError('NOT_FOUND', `Merchant ${merchantId} has no Salla installation`);
        // Another process is refreshing: wait for its new version, then read it.
        if (now() > deadline) throw new AppError('UPSTREAM_UNAVAILABLE', `Salla token refresh of merchant ${merchantId} did not finish in time`);
        await sleep(pollMs);
        continue;
      }
      // Someone saved new tokens between our read and the lock: read again instead of spending ours.
      if (lock.version !== row.version) {
        await store.releaseRefreshLock(merchantId);
        continue;
      }
      let tokens: Awaited<ReturnType<typeof oauth.refresh>>;
      try {
        tokens = await oauth.refresh(cipher.decrypt(row.refreshToken, context));
      } catch (error) {
        await store.releaseRefreshLock(merchantId).catch(() => undefined);
        if (isReinstallRequired(error)) {
          throw new AppError('UNAUTHENTICATED', `Salla revoked the tokens of merchant ${merchantId}; the app must be reinstalled`, {
            retryable: false,
            context: { merchantId, reason: 'invalid_grant' },
            cause: error,
          });
        }
        throw error;
      }
      const saved = await store.save(
        merchantId,
        {
          accessToken: cipher.encrypt(tokens.accessToken, context),
          refreshToken: cipher.encrypt(tokens.refreshToken, context),
          expiresAt: tokens.expiresAt,
          scope: tokens.scopes.join(' '),
          tokenType: tokens.tokenType,
        },
        row.version,
      );
      // A reinstall (app.store.authorize) wrote newer tokens while we refreshed: they win; read them.
      if (!saved.saved) continue;
      cache.set(merchantId, { token: tokens.accessToken, expiresAt: tokens.expiresAt.getTime() });
      return tokens.accessToken;
    }
  }

  return {
    accessToken(merchantId, { rejected } = {}) {
      const cached = cache.get(merchantId);
      if (cached && usable(cached.token, cached.expiresAt, rejected)) return Promise.resolve(cached.token);
      if (cached) cache.delete(merchantId);
      const key = `${merchantId}:${rejected ?? ''}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = obtain(merchantId, rejected).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
  };
}
