import { apiRoutes } from '../../../../../src/server/api-catalog';
import { askAssistant } from '../../../../../src/server/assistant/assistant-service';
import { route } from '../../../../../src/server/http/route';

export const dynamic = 'force-dynamic';

export const POST = route(apiRoutes.assistantAsk, ({ context, merchant, session, body, log }) =>
  askAssistant(context, { merchantId: merchant.id, userId: session.user.id, question: body.question, log }),
);
