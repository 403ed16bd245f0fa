import { getCarts } from '../../../../src/server/analytics/abandoned-carts';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.carts, ({ context, merchant, query }) => getCarts(context, merchant.id, query));
