import { apiRoutes } from '../../../../src/server/api-catalog';
import { digestPreferenceOf, saveDigest } from '../../../../src/server/alerts/alerts';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.digest, async ({ context, merchant, session }) => ({
  data: await digestPreferenceOf(context, merchant.id, session.user.id, session.user.locale),
}));

export const PATCH = route(apiRoutes.digestUpdate, async ({ context, merchant, session, body }) => ({
  data: await saveDigest(context, merchant.id, session.user.id, body),
}));
