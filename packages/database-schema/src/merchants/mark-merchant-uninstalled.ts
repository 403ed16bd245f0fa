import type { Database } from '../client.js';
import { type MerchantIdInput, toMerchantId } from './merchant-id.js';

/**
 * Handles `app.uninstalled`: the merchant becomes `uninstalled` and its Salla tokens are deleted
 * (they are revoked by Salla anyway; keeping dead secrets only adds risk). Data stays for reinstall.
 * Returns false when the merchant is unknown.
 */
export async function markMerchantUninstalled(
  db: Database,
  merchantId: MerchantIdInput,
  at: Date = new Date(),
): Promise<boolean> {
  const id = toMerchantId(merchantId);
  const [updated] = await db.$transaction([
    db.merchant.updateMany({ where: { id }, data: { status: 'uninstalled', uninstalledAt: at } }),
    db.installation.deleteMany({ where: { merchantId: id } }),
  ]);
  return updated.count > 0;
}
