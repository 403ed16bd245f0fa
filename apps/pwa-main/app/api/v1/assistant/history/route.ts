import { apiRoutes } from '../../../../../src/server/api-catalog';
import { getAssistantHistory } from '../../../../../src/server/assistant/assistant-history';
import { route } from '../../../../../src/server/http/route';

export const GET = route(apiRoutes.assistantHistory, ({ context, merchant, session, query }) =>
  getAssistantHistory(context, merchant.id, session.user.id, query.limit),
);
