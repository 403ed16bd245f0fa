import { AppError, type RecoveryCampaignStats, summarizeRecoveryCampaigns } from '@salla-analytics/core-library';
import {
  campaignRules,
  createRecoveryCampaign,
  listRecoveryCampaigns,
  listRecoverySends,
  type RecoveryCampaign,
  updateRecoveryCampaign,
} from '@salla-analytics/database-schema';
import { getCustomerPurchases } from '@salla-analytics/olap-repository';
import type { z } from 'zod';
import type { CampaignView } from '../../contracts/campaign-view';
import type { campaignCreateBodySchema, campaignPatchBodySchema } from '../../contracts/marketing';
import type { ServerContext } from '../context';
import { loadStoreSettings } from '../analytics/merchant-settings';

const HOUR = 3_600_000;

function toView(campaign: RecoveryCampaign, stats: RecoveryCampaignStats | undefined): CampaignView {
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    rules: campaignRules(campaign),
    activeSince: campaign.activeSince.toISOString(),
    createdAt: campaign.createdAt.toISOString(),
    stats: {
      emailsSent: stats?.emailsSent ?? 0,
      cartsEmailed: stats?.cartsEmailed ?? 0,
      recoveredCarts: stats?.recoveredCarts ?? 0,
      recoveredRevenueMinor: stats?.recoveredRevenueMinor ?? 0,
    },
  };
}

/**
 * The store's campaigns with their results: emails sent (the send rows), and the carts and revenue
 * recovered — the first purchase of an emailed customer within the campaign's attribution window
 * after an email, credited to the last campaign that emailed them (core-library's attribution).
 */
export async function listCampaigns(context: ServerContext, merchantId: number) {
  const [campaigns, sends, settings] = await Promise.all([
    listRecoveryCampaigns(context.db, merchantId),
    listRecoverySends(context.db, { merchantId }),
    loadStoreSettings(context.db, merchantId),
  ]);
  const windowMs = new Map(campaigns.map((campaign) => [campaign.id, campaign.attributionWindowHours * HOUR]));
  const sent = sends.filter((send) => send.sentAt !== null);
  const first = sent.reduce((min, send) => Math.min(min, (send.sentAt as Date).getTime()), Number.POSITIVE_INFINITY);
  const purchases = Number.isFinite(first)
    ? await getCustomerPurchases(context.clickhouse, {
        merchantId,
        customerIds: [...new Set(sent.map((send) => Number(send.customerId)))],
        from: new Date(first),
        to: new Date(Date.now() + HOUR),
      })
    : [];
  const stats = summarizeRecoveryCampaigns(
    campaigns.map((campaign) => campaign.id),
    sends.map((send) => ({ campaignId: send.campaignId, cartId: Number(send.cartId), customerId: Number(send.customerId), status: send.status, sentAt: send.sentAt })),
    purchases,
    (campaignId) => windowMs.get(campaignId) ?? 0,
  );
  return {
    data: campaigns.map((campaign) => toView(campaign, stats.find((s) => s.campaignId === campaign.id))),
    meta: { currency: settings.currency, computedAt: new Date().toISOString() },
  };
}

export async function createCampaign(context: ServerContext, merchantId: number, body: z.output<typeof campaignCreateBodySchema>): Promise<CampaignView> {
  const campaign = await createRecoveryCampaign(context.db, { merchantId, name: body.name, status: body.status, rules: body.rules });
  return toView(campaign, undefined);
}

export async function updateCampaign(context: ServerContext, merchantId: number, body: z.output<typeof campaignPatchBodySchema>): Promise<CampaignView> {
  const { id, ...patch } = body;
  const campaign = await updateRecoveryCampaign(context.db, { merchantId, id }, patch);
  if (!campaign) throw new AppError('NOT_FOUND', 'No such campaign in this store');
  const all = await listCampaigns(context, merchantId);
  return all.data.find((view) => view.id === id) ?? toView(campaign, undefined);
}
