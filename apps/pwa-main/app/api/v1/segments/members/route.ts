import { apiRoutes } from '../../../../../src/server/api-catalog';
import { route } from '../../../../../src/server/http/route';
import { segmentMembers } from '../../../../../src/server/marketing/segments';

export const GET = route(apiRoutes.segmentMembers, ({ context, merchant, query }) => segmentMembers(context, merchant.id, query));
