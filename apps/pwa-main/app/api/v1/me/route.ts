import { loadStoreSettings } from '../../../../src/server/analytics/merchant-settings';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.me, async ({ context, merchant, session }) => ({
  data: {
    user: { id: session.user.id, name: session.user.name },
    role: merchant.role,
    store: await loadStoreSettings(context.db, merchant.id),
  },
}));
