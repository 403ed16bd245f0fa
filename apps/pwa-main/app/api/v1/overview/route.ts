import { getOverview } from '../../../../src/server/analytics/overview';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.overview, ({ context, merchant, query }) => getOverview(context, merchant.id, query));
