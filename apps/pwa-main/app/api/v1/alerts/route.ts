import { apiRoutes } from '../../../../src/server/api-catalog';
import { createAlert, listAlerts, removeAlert, updateAlert } from '../../../../src/server/alerts/alerts';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.alerts, async ({ context, merchant }) => ({ data: await listAlerts(context, merchant.id) }));

export const POST = route(apiRoutes.alertCreate, async ({ context, merchant, body, log }) => {
  const rule = await createAlert(context, merchant.id, body);
  log.info({ ruleId: rule.id, type: rule.type }, 'alert rule created');
  return { data: rule };
});

export const PATCH = route(apiRoutes.alertUpdate, async ({ context, merchant, body }) => ({ data: await updateAlert(context, merchant.id, body) }));

export const DELETE = route(apiRoutes.alertDelete, async ({ context, merchant, query }) => ({ data: await removeAlert(context, merchant.id, query.id) }));
