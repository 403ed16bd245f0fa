import { getRfmMembers } from '../../../../../../src/server/analytics/rfm-members';
import { apiRoutes } from '../../../../../../src/server/api-catalog';
import { route } from '../../../../../../src/server/http/route';

export const GET = route(apiRoutes.rfmMembers, ({ context, merchant, query }) => getRfmMembers(context, merchant.id, query));
