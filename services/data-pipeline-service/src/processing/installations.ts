import { AppError, type SallaWebhook } from '@salla-analytics/core-library';
import {
  type Database,
  getInstallationTokens,
  getMerchant,
  markMerchantUninstalled,
  saveInstallationTokens,
  upsertMerchant,
} from '@salla-analytics/database-schema';
import { sallaTokenContext, type TokenCipher } from '@salla-analytics/integration-gateways';

export type InstallationOutcome = 'applied' | 'stale' | 'ignored';

/** Called after an install (app.store.authorize, app.installed) was applied — e.g. to queue the history backfill. */
export type OnInstalled = (merchantId: number, installedAt: Date) => Promise<void>;

/**
 * app.store.authorize: upsert the merchant and store its tokens encrypted. An authorize older
 * than the one already applied (a replay, a late retry) is ignored: Salla refresh tokens work
 * once, and restoring an old one would break the merchant's token chain.
 */
export async function applyAuthorize(
  db: Database,
  cipher: TokenCipher | null,
  webhook: Extract<SallaWebhook, { kind: 'app_authorize' }>,
  onInstalled?: OnInstalled,
): Promise<InstallationOutcome> {
  if (cipher === null) {
    throw new AppError('INVALID_ENV', 'TOKEN_ENCRYPTION_KEYS is not configured, so Salla tokens cannot be stored', {
      retryable: true,
      context: { merchantId: webhook.merchantId },
    });
  }
  const merchantId = webhook.merchantId;
  const merchant = await getMerchant(db, merchantId);
  const tokens = await getInstallationTokens(db, merchantId);
  if (tokens !== null && merchant?.installedAt && merchant.installedAt >= webhook.createdAt) return 'stale';
  if (merchant?.uninstalledAt && merchant.uninstalledAt > webhook.createdAt) return 'stale';
  const { authorize } = webhook;
  const context = sallaTokenContext(merchantId);
  await upsertMerchant(db, { id: merchantId, name: merchant?.name ?? `Salla store ${merchantId}`, installedAt: webhook.createdAt });
  await saveInstallationTokens(db, {
    merchantId,
    accessToken: cipher.encrypt(authorize.accessToken, context),
    refreshToken: cipher.encrypt(authorize.refreshToken, context),
    expiresAt: authorize.expiresAt,
    scope: authorize.scopes.join(' '),
    tokenType: authorize.tokenType,
  });
  await onInstalled?.(merchantId, webhook.createdAt);
  return 'applied';
}

/** app.installed re-activates the merchant; app.uninstalled marks it inactive (and drops its tokens). */
export async function applyLifecycle(
  db: Database,
  webhook: Extract<SallaWebhook, { kind: 'app_lifecycle' }>,
  onInstalled?: OnInstalled,
): Promise<InstallationOutcome> {
  const merchantId = webhook.merchantId;
  if (webhook.event === 'app.uninstalled') {
    const merchant = await getMerchant(db, merchantId);
    if (merchant?.installedAt && merchant.installedAt > webhook.createdAt) return 'stale';
    if (merchant === null) {
      await upsertMerchant(db, { id: merchantId, name: `Salla store ${merchantId}`, installedAt: webhook.createdAt });
    }
    await markMerchantUninstalled(db, merchantId, webhook.createdAt);
    return 'applied';
  }
  if (webhook.event === 'app.installed') {
    const merchant = await getMerchant(db, merchantId);
    if (merchant?.uninstalledAt && merchant.uninstalledAt > webhook.createdAt) return 'stale';
    if (merchant?.installedAt && merchant.installedAt >= webhook.createdAt && merchant.status === 'active') return 'stale';
    await upsertMerchant(db, { id: merchantId, name: merchant?.name ?? `Salla store ${merchantId}`, installedAt: webhook.createdAt });
    // The history needs the tokens of app.store.authorize; without them the job waits for a reinstall.
    if ((await getInstallationTokens(db, merchantId)) !== null) await onInstalled?.(merchantId, webhook.createdAt);
    return 'applied';
  }
  return 'ignored';
}
