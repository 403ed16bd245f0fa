import { loadStoreSettings } from '../../../../src/server/analytics/merchant-settings';
import { apiRoutes } from '../../../../src/server/api-catalog';
import { langCookie } from '../../../../src/server/auth/sign-in';
import { route } from '../../../../src/server/http/route';
import { updateStoreSettings } from '../../../../src/server/settings/update-store-settings';

export const GET = route(apiRoutes.settingsGet, async ({ context, merchant }) => ({
  data: await loadStoreSettings(context.db, merchant.id),
}));

export const PATCH = route(apiRoutes.settingsPatch, async ({ context, merchant, session, body, requestId }) => {
  const settings = await updateStoreSettings(context, merchant.id, session.user.id, body);
  const headers = new Headers();
  // Changing the store language switches this browser too.
  if (body.locale) headers.append('set-cookie', langCookie(body.locale));
  return Response.json({ data: settings, meta: { requestId } }, { headers });
});
