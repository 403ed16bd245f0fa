import { getProducts } from '../../../../src/server/analytics/top-products';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.products, ({ context, merchant, query }) => getProducts(context, merchant.id, query));
