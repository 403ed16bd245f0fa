import { getNewVsReturningCustomers } from '../../../../../src/server/analytics/new-vs-returning';
import { apiRoutes } from '../../../../../src/server/api-catalog';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.newVsReturning, ({ context, merchant, query }) => getNewVsReturningCustomers(context, merchant.id, query));
