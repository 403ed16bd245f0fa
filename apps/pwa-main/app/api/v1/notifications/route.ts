import { apiRoutes } from '../../../../src/server/api-catalog';
import { notificationsOf, readNotifications } from '../../../../src/server/alerts/alerts';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.notifications, async ({ context, merchant, session, query }) => {
  const { items, unread } = await notificationsOf(context, merchant.id, session.user.id, query.limit);
  return { data: items, meta: { unread } };
});

export const POST = route(apiRoutes.notificationsRead, async ({ context, merchant, session, body }) => ({
  data: await readNotifications(context, merchant.id, session.user.id, body),
}));
