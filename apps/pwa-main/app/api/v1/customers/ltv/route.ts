import { getLifetimeValue } from '../../../../../src/server/analytics/lifetime-value';
import { apiRoutes } from '../../../../../src/server/api-catalog';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.ltv, ({ context, merchant, query }) => getLifetimeValue(context, merchant.id, query));
