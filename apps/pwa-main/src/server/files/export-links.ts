import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '@salla-analytics/core-library';
import { getEnv } from '../../env';

/** How long a download link works. */
export const EXPORT_LINK_TTL_SECONDS = 15 * 60;

function linkKey(): Buffer {
  const env = getEnv();
  // Without EXPORT_LINK_SECRET, a key derived from the database credentials: the same on every
  // instance that shares the database, unknown to anyone who has not got them.
  return env.EXPORT_LINK_SECRET
    ? Buffer.from(env.EXPORT_LINK_SECRET, 'utf8')
    : createHash('sha256').update(`salla-analytics/export-links\u0000${env.DATABASE_URL}`).digest();
}

function signature(merchantId: number, fileId: string, expires: number): string {
  return createHmac('sha256', linkKey()).update(`${merchantId}.${fileId}.${expires}`).digest('hex');
}

/** A signed download link for one merchant's file, valid for EXPORT_LINK_TTL_SECONDS. */
export function signedDownloadUrl(merchantId: number, fileId: string, now = Date.now()): { url: string; expiresAt: string } {
  const expires = Math.floor(now / 1000) + EXPORT_LINK_TTL_SECONDS;
  const search = new URLSearchParams({ file: fileId, expires: String(expires), sig: signature(merchantId, fileId, expires) });
  return { url: `/api/v1/exports?${search}`, expiresAt: new Date(expires * 1000).toISOString() };
}

/**
 * Checks a download link for the session's merchant: the signature covers merchant, file and
 * expiry, so a link never opens another store's file (and another store's link never opens for this
 * session); an expired link is refused even if the file still exists.
 */
export function verifyDownloadLink(merchantId: number, link: { file: string; expires: number; sig: string }, now = Date.now()): void {
  const expected = Buffer.from(signature(merchantId, link.file, link.expires), 'hex');
  const given = Buffer.from(link.sig, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('NOT_FOUND', 'No such export for this store');
  if (link.expires * 1000 <= now) throw new AppError('FORBIDDEN', 'The download link has expired; export again from the page');
}
