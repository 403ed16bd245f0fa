import type { EncryptedToken } from '../token-cipher.js';

/** A merchant's Salla tokens as stored (encrypted), with the optimistic-concurrency version. */
export interface StoredSallaTokens {
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
  expiresAt: Date;
  /** Bumped by every write; a refresh saves only if nobody wrote in between. */
  version: number;
}

export interface NewSallaTokens {
  accessToken: EncryptedToken;
  refreshToken: EncryptedToken;
  expiresAt: Date;
  scope: string;
  tokenType: string;
}

/**
 * Where tokens live and how the per-merchant refresh lease is taken — a port, so this package
 * stays free of the database. The pipeline implements it on database-schema's
 * `getInstallationTokens` / `acquireRefreshLock` / `saveInstallationTokens` / `releaseRefreshLock`
 * (one conditional UPDATE takes the lease: safe across processes and machines).
 */
export interface SallaTokenStore {
  load(merchantId: number): Promise<StoredSallaTokens | null>;
  /** Takes the lease unless someone holds an unexpired one; `version` is the row's version after taking it. */
  acquireRefreshLock(
    merchantId: number,
    leaseMs: number,
  ): Promise<{ acquired: true; version: number } | { acquired: false; reason: 'locked' | 'not-installed' }>;
  /** Saves only if the row is still at `expectedVersion`; releases the lease. */
  save(merchantId: number, tokens: NewSallaTokens, expectedVersion: number): Promise<{ saved: boolean }>;
  releaseRefreshLock(merchantId: number): Promise<void>;
}
