import { getTrend } from '../../../../src/server/analytics/sales-trend';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.trend, ({ context, merchant, query }) => getTrend(context, merchant.id, query));
