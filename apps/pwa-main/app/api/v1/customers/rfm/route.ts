import { getRfm } from '../../../../../src/server/analytics/rfm-segments';
import { apiRoutes } from '../../../../../src/server/api-catalog';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.rfm, ({ context, merchant, query }) => getRfm(context, merchant.id, query));
