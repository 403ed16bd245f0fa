import { apiRoutes } from '../../../../src/server/api-catalog';
import { importProgress, listRecentImports, uploadImportFile } from '../../../../src/server/files/imports';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.importStatus, async ({ context, merchant, query }) => ({
  data: query.id === undefined ? await listRecentImports(context, merchant.id) : await importProgress(context, merchant.id, query.id),
}));

export const POST = route(apiRoutes.importUpload, async ({ context, merchant, request, log }) => {
  const upload = await uploadImportFile(context, merchant.id, request);
  log.info({ uploadId: upload.uploadId, rows: upload.rowCount, format: upload.format, source: upload.source }, 'order-history file uploaded');
  return { data: upload };
});
