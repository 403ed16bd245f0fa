import { appendAuditLog, updateMerchantSettings } from '@salla-analytics/database-schema';
import type { SettingsPatch } from '../../contracts/analytics-queries';
import { AppError } from '../http/errors';
import type { ServerContext } from '../context';
import { forgetStoreSettings, loadStoreSettings, type StoreSettings } from '../analytics/merchant-settings';

/** Changes the store's report settings, records who did it, and drops its cached answers. */
export async function updateStoreSettings(
  context: ServerContext,
  merchantId: number,
  actorUserId: string,
  patch: SettingsPatch,
): Promise<StoreSettings> {
  const updated = await updateMerchantSettings(context.db, merchantId, patch);
  if (!updated) throw new AppError('NOT_FOUND', 'This store no longer exists');
  // The actor is an opaque user id (no e-mail): the audit log must not become a PII store.
  await appendAuditLog(context.db, { merchantId, actor: `user:${actorUserId}`, action: 'settings.updated', data: patch });
  forgetStoreSettings(merchantId);
  // Answers keyed by resolved periods stay correct, but totals by "today" in a new zone must not linger.
  await context.cache.invalidateMerchant(merchantId).catch(() => {});
  return loadStoreSettings(context.db, merchantId);
}
