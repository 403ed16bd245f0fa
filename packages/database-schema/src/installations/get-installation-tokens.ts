import type { DatabaseClient } from '../client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';
import { type InstallationTokens, tokensFromRow } from './encrypted-token.js';

/** The merchant's encrypted Salla tokens, or null when the app is not installed. */
export async function getInstallationTokens(
  db: DatabaseClient,
  merchantId: MerchantIdInput,
): Promise<InstallationTokens | null> {
  const row = await db.installation.findUnique({ where: { merchantId: toMerchantId(merchantId) } });
  return row ? tokensFromRow(row) : null;
}
