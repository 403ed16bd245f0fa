import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';
import { createCampaign, listCampaigns, updateCampaign } from '../../../../src/server/marketing/campaigns';

export const GET = route(apiRoutes.campaigns, ({ context, merchant }) => listCampaigns(context, merchant.id));

export const POST = route(apiRoutes.campaignCreate, async ({ context, merchant, body, log }) => {
  const campaign = await createCampaign(context, merchant.id, body);
  log.info({ campaignId: campaign.id }, 'cart recovery campaign created');
  return { data: campaign };
});

export const PATCH = route(apiRoutes.campaignUpdate, async ({ context, merchant, body }) => ({ data: await updateCampaign(context, merchant.id, body) }));
