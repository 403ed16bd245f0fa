import { AppError } from '@salla-analytics/core-library';
import type { SallaEnv } from '../env.js';
import { createSallaAdminClient, type SallaAdminClient } from './admin-api/salla-admin-client.js';
import { StoreRateLimiter } from './admin-api/store-rate-limiter.js';
import { createSallaOAuthClient, type SallaOAuthClient } from './oauth/salla-oauth-client.js';
import { createSallaTokenProvider, type SallaTokenProvider } from './oauth/salla-token-provider.js';
import type { SallaTokenStore } from './oauth/salla-token-store.js';
import type { TokenCipher } from './token-cipher.js';

export interface SallaGateway {
  oauth: SallaOAuthClient;
  tokens: SallaTokenProvider;
  admin: SallaAdminClient;
  rateLimiter: StoreRateLimiter;
}

/** Salla's OAuth client, the token provider and the Admin API client, wired from `SALLA_*` variables. */
export function createSallaGateway(
  env: SallaEnv,
  deps: { store: SallaTokenStore; cipher: TokenCipher; rateLimiter?: StoreRateLimiter },
): SallaGateway {
  if (!env.SALLA_CLIENT_ID || !env.SALLA_CLIENT_SECRET) {
    throw new AppError('INVALID_ENV', 'SALLA_CLIENT_ID and SALLA_CLIENT_SECRET are needed to call Salla (token refresh)');
  }
  const oauth = createSallaOAuthClient({
    clientId: env.SALLA_CLIENT_ID,
    clientSecret: env.SALLA_CLIENT_SECRET,
    accountsUrl: env.SALLA_ACCOUNTS_URL,
    // A refresh must finish well inside the lock's lease (below).
    timeoutMs: Math.min(env.SALLA_API_TIMEOUT_MS, 10_000),
  });
  const tokens = createSallaTokenProvider({
    store: deps.store,
    cipher: deps.cipher,
    oauth,
    refreshBeforeMs: env.SALLA_TOKEN_REFRESH_BEFORE_SECONDS * 1000,
    lockLeaseMs: 30_000,
  });
  const rateLimiter = deps.rateLimiter ?? new StoreRateLimiter();
  const admin = createSallaAdminClient({
    baseUrl: env.SALLA_API_URL,
    accessToken: (merchantId, options) => tokens.accessToken(merchantId, options),
    rateLimiter,
    timeoutMs: env.SALLA_API_TIMEOUT_MS,
    maxRetries: env.SALLA_API_MAX_RETRIES,
  });
  return { oauth, tokens, admin, rateLimiter };
}
