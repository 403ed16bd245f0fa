import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Salla's default strategy: `X-Salla-Signature` = hex HMAC-SHA256 of the raw body with the
 * webhook secret. Compared in constant time; a missing or malformed header is simply false.
 */
export function verifySallaSignature(rawBody: Uint8Array, header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const hex = header.trim().toLowerCase().replace(/^sha256=/, '');
  if (!/^[0-9a-f]{64}$/.test(hex)) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(Buffer.from(hex, 'hex'), expected);
}

/** Salla's token strategy: `Authorization: Bearer <static token>`, compared in constant time (hashes: equal lengths). */
export function verifySallaToken(authorization: string | undefined, token: string | undefined): boolean {
  if (token === undefined || authorization === undefined) return false;
  const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
  if (match === null) return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(match[1] ?? ''), digest(token));
}

/** Signs a body the way Salla does (tests, the demo store and the local stack's load tools). */
export function signSallaBody(rawBody: string | Uint8Array, secret: string): string {
  return createHmac('sha256', secret).update(rawBody).digest('hex');
}
