import { apiRoutes } from '../../../../../src/server/api-catalog';
import { alertHistory } from '../../../../../src/server/alerts/alerts';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.alertHistory, async ({ context, merchant, query }) => ({ data: await alertHistory(context, merchant.id, query) }));
