import { getCohorts } from '../../../../../src/server/analytics/cohorts';
import { apiRoutes } from '../../../../../src/server/api-catalog';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.cohorts, ({ context, merchant, query }) => getCohorts(context, merchant.id, query));
