import type { DatabaseClient } from '../client.js';
import type { RecoveryCampaign } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

/** One store's campaigns, newest first. */
export async function listRecoveryCampaigns(db: DatabaseClient, merchantId: MerchantIdInput): Promise<RecoveryCampaign[]> {
  return db.recoveryCampaign.findMany({ where: { merchantId: toMerchantId(merchantId) }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 200 });
}

/** Every active campaign of every store, grouped by store (the scheduler's cart recovery tick). */
export async function listActiveRecoveryCampaigns(db: DatabaseClient): Promise<RecoveryCampaign[]> {
  return db.recoveryCampaign.findMany({ where: { status: 'active' }, orderBy: [{ merchantId: 'asc' }, { createdAt: 'asc' }] });
}
