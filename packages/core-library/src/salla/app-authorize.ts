import { z } from 'zod';
import { optionalField, sallaId, sallaNumber } from './primitives.js';
import { sallaDateSchema } from './salla-date.js';

const tokenFields = {
  access_token: optionalField(z.string().min(1)),
  refresh_token: optionalField(z.string().min(1)),
  accessToken: optionalField(z.string().min(1)),
  refreshToken: optionalField(z.string().min(1)),
  // Documented: Unix seconds. Starter-kit variants send a lifetime (expires_in) or a date.
  expires: optionalField(z.union([sallaNumber, sallaDateSchema])),
  expires_in: optionalField(sallaNumber),
  expiresIn: optionalField(sallaNumber),
  scope: optionalField(z.union([z.string(), z.array(z.string())])),
  token_type: optionalField(z.string()),
};

const tokenObject = z.looseObject(tokenFields);

/**
 * The raw app.store.authorize data. The documented shape is flat
 * (`{ access_token, refresh_token, expires, scope, token_type }`); one starter kit shows the
 * tokens nested (`data.token` / `data.data`), camelCase, or with `expires_in`. All are accepted
 * here and normalised by `normalizeSallaAuthorize`.
 */
export const sallaAuthorizeDataSchema = z.looseObject({
  ...tokenFields,
  id: optionalField(sallaId),
  app_name: optionalField(z.string()),
  token: optionalField(tokenObject),
  tokens: optionalField(tokenObject),
  data: optionalField(tokenObject),
});

export type SallaAuthorizeData = z.output<typeof sallaAuthorizeDataSchema>;

/** Tokens from app.store.authorize, in one shape whatever Salla sent. Secrets: never log. */
export interface SallaAuthorize {
  accessToken: string;
  refreshToken: string;
  /** When the access token stops working. */
  expiresAt: Date;
  /** Granted scopes, e.g. ['orders.read', 'offline_access']. */
  scopes: string[];
  /** 'bearer' unless Salla says otherwise. */
  tokenType: string;
  /** Salla's id for this installation/app, when sent. */
  appId?: number;
}

// Salla's documented lifetime is 14 days; used only if a payload carries no expiry at all.
const DEFAULT_LIFETIME_SECONDS = 14 * 24 * 3600;
// Anything below this many seconds is a lifetime, not a Unix timestamp (which is ~1.7e9 now).
const TIMESTAMP_THRESHOLD = 1_000_000_000;

/**
 * Normalises any accepted authorize shape. Returns a message instead when no access or refresh
 * token can be found. `receivedAt` (the envelope's created_at) anchors relative lifetimes.
 */
export function normalizeSallaAuthorize(data: SallaAuthorizeData, receivedAt: Date): SallaAuthorize | string {
  const sources = [data, data.token, data.tokens, data.data].filter((source) => source !== undefined);
  const pick = <K extends keyof typeof tokenFields>(key: K) =>
    sources.map((source) => source[key]).find((value) => value !== undefined);

  const accessToken = pick('access_token') ?? pick('accessToken');
  const refreshToken = pick('refresh_token') ?? pick('refreshToken');
  if (accessToken === undefined) return 'missing access_token';
  if (refreshToken === undefined) return 'missing refresh_token';

  const expires = pick('expires');
  const lifetime = pick('expires_in') ?? pick('expiresIn');
  let expiresAt: Date;
  if (expires instanceof Date) expiresAt = expires;
  else if (typeof expires === 'number' && expires >= TIMESTAMP_THRESHOLD)
    expiresAt = new Date(expires * 1000);
  else {
    const seconds = typeof expires === 'number' ? expires : (lifetime ?? DEFAULT_LIFETIME_SECONDS);
    expiresAt = new Date(receivedAt.getTime() + seconds * 1000);
  }

  const scope = pick('scope');
  const scopes = (Array.isArray(scope) ? scope : (scope ?? '').split(/[\s,]+/)).filter((s) => s !== '');
  const result: SallaAuthorize = {
    accessToken,
    refreshToken,
    expiresAt,
    scopes,
    tokenType: pick('token_type') ?? 'bearer',
  };
  if (data.id !== undefined) result.appId = data.id;
  return result;
}
