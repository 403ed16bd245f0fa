import { getCategories } from '../../../../src/server/analytics/categories';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.categories, ({ context, merchant, query }) => getCategories(context, merchant.id, query));
