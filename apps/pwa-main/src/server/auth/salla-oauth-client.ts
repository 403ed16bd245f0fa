import {
  createSallaOAuthClient,
  type SallaOAuthClient,
  type SallaTokenSet,
  type SallaUserInfo,
} from '@salla-analytics/integration-gateways';

export type { SallaTokenSet, SallaUserInfo };

export interface SallaOAuthConfig {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** https://accounts.salla.sa, or a local stand-in in tests. */
  accountsUrl: string;
  timeoutMs?: number;
}

// The HTTP calls to Salla's accounts server live in integration-gateways (the only package that
// talks to outside APIs); these keep the sign-in flow's names.
function client(config: SallaOAuthConfig): SallaOAuthClient {
  return createSallaOAuthClient({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    redirectUri: config.redirectUri,
    accountsUrl: config.accountsUrl,
    timeoutMs: config.timeoutMs ?? 10_000,
  });
}

/** The authorization URL the browser is sent to (scope `offline_access`, our CSRF `state`). */
export function sallaAuthorizeUrl(config: SallaOAuthConfig, state: string): string {
  return client(config).authorizeUrl(state);
}

/** Exchanges the authorization code for tokens (`AppError('UNAUTHENTICATED')` when Salla refuses it). */
export function exchangeSallaCode(config: SallaOAuthConfig, code: string): Promise<SallaTokenSet> {
  return client(config).exchangeCode(code);
}

/** Who logged in, and for which store. */
export function fetchSallaUserInfo(config: SallaOAuthConfig, accessToken: string): Promise<SallaUserInfo> {
  return client(config).userInfo(accessToken);
}
