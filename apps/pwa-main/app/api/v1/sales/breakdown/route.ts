import { getSalesBreakdown } from '../../../../../src/server/analytics/sales-breakdown';
import { apiRoutes } from '../../../../../src/server/api-catalog';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.salesBreakdown, ({ context, merchant, query }) => getSalesBreakdown(context, merchant.id, query));
