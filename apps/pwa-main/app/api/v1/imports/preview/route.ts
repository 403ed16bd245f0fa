import { apiRoutes } from '../../../../../src/server/api-catalog';
import { previewImport } from '../../../../../src/server/files/imports';
import { route } from '../../../../../src/server/http/route';

export const POST = route(apiRoutes.importPreview, async ({ context, merchant, body }) => ({
  data: await previewImport(context, merchant.id, body.uploadId, body.mapping),
}));
