import { createHash } from 'node:crypto';

/**
 * The dedup key of a webhook delivery: SHA-256 (hex) of the raw request body, byte for byte.
 * Salla retries send the same body; `created_at` alone (one-second resolution) is not a key.
 */
export function deliveryKeyOf(rawBody: string | Uint8Array): string {
  return createHash('sha256').update(rawBody).digest('hex');
}
