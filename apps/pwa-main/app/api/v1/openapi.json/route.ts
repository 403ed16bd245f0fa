import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';
import { openApiDocument } from '../../../../src/server/openapi/openapi-document';

export const GET = route(apiRoutes.openapi, async ({ request }) =>
  Response.json(openApiDocument(new URL(request.url).origin), { headers: { 'cache-control': 'public, max-age=300' } }),
);
