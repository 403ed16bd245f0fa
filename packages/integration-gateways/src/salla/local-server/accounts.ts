import { randomBytes } from 'node:crypto';

export interface LocalSallaUser {
  id: number;
  name: string;
  email: string;
  /** Salla's store owner logs in as `user`. */
  role: string;
  merchant: { id: number; name: string; username: string; domain: string };
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  /** Unix seconds, as in app.store.authorize's `expires`. */
  expires: number;
  expiresIn: number;
  scope: string;
}

export interface RefreshReuse {
  merchantId: number;
  at: number;
}

const SCOPE = 'settings.read orders.read products.read customers.read webhooks.read_write offline_access';

/** Salla's accounts side: tokens (single-use refresh tokens, chain revoked on reuse), codes, users. */
export class LocalAccounts {
  readonly #access = new Map<string, { merchantId: number; expiresAt: number }>();
  readonly #refresh = new Map<string, { merchantId: number; state: 'live' | 'used' | 'revoked' }>();
  readonly #codes = new Map<string, { merchantId: number; redirectUri: string | undefined }>();
  readonly #users = new Map<number, LocalSallaUser>();
  readonly reuses: RefreshReuse[] = [];
  refreshRequests = 0;
  codeExchanges = 0;

  constructor(readonly accessTokenTtlSeconds: number) {}

  issue(merchantId: number, options: { accessToken?: string; refreshToken?: string; ttlSeconds?: number } = {}): IssuedTokens {
    const ttl = options.ttlSeconds ?? this.accessTokenTtlSeconds;
    const accessToken = options.accessToken ?? `at_${randomBytes(18).toString('base64url')}`;
    const refreshToken = options.refreshToken ?? `rt_${randomBytes(18).toString('base64url')}`;
    const expiresAt = Date.now() + ttl * 1000;
    this.#access.set(accessToken, { merchantId, expiresAt });
    this.#refresh.set(refreshToken, { merchantId, state: 'live' });
    return { accessToken, refreshToken, expires: Math.floor(expiresAt / 1000), expiresIn: ttl, scope: SCOPE };
  }

  /** The merchant behind a valid, unexpired access token. */
  merchantOf(accessToken: string): number | undefined {
    const entry = this.#access.get(accessToken);
    return entry && entry.expiresAt > Date.now() ? entry.merchantId : undefined;
  }

  expireAccessTokens(merchantId: number): void {
    for (const entry of this.#access.values()) if (entry.merchantId === merchantId) entry.expiresAt = 0;
  }

  /** Spends a refresh token. A second use is recorded and revokes the whole chain, as Salla does. */
  refresh(refreshToken: string): IssuedTokens | 'invalid_grant' {
    this.refreshRequests += 1;
    const entry = this.#refresh.get(refreshToken);
    if (!entry || entry.state === 'revoked') return 'invalid_grant';
    if (entry.state === 'used') {
      this.reuses.push({ merchantId: entry.merchantId, at: Date.now() });
      this.revoke(entry.merchantId);
      return 'invalid_grant';
    }
    entry.state = 'used';
    return this.issue(entry.merchantId);
  }

  revoke(merchantId: number): void {
    for (const entry of this.#refresh.values()) if (entry.merchantId === merchantId) entry.state = 'revoked';
    for (const entry of this.#access.values()) if (entry.merchantId === merchantId) entry.expiresAt = 0;
  }

  setUser(user: LocalSallaUser): void {
    this.#users.set(user.merchant.id, user);
  }

  userOf(merchantId: number): LocalSallaUser {
    return (
      this.#users.get(merchantId) ?? {
        id: merchantId + 1,
        name: 'صاحب المتجر',
        email: `owner-${merchantId}@example.com`,
        role: 'user',
        merchant: { id: merchantId, name: `متجر ${merchantId}`, username: `store${merchantId}`, domain: `https://store${merchantId}.example.com` },
      }
    );
  }

  createCode(merchantId: number, redirectUri?: string): string {
    const code = `code_${randomBytes(12).toString('base64url')}`;
    this.#codes.set(code, { merchantId, redirectUri });
    return code;
  }

  /** A code works once, and only with the redirect URI it was issued for. */
  exchange(code: string, redirectUri: string | undefined): IssuedTokens | 'invalid_grant' {
    this.codeExchanges += 1;
    const entry = this.#codes.get(code);
    this.#codes.delete(code);
    if (!entry || (entry.redirectUri !== undefined && redirectUri !== undefined && entry.redirectUri !== redirectUri)) return 'invalid_grant';
    return this.issue(entry.merchantId);
  }
}
