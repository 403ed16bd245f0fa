import { apiRoutes } from '../../../../src/server/api-catalog';
import { createExport, downloadExport, exportProgress, listRecentExports } from '../../../../src/server/files/exports';
import { route } from '../../../../src/server/http/route';

export const GET = route(apiRoutes.exportGet, async ({ context, merchant, query }) => {
  if (query.file !== undefined && query.expires !== undefined && query.sig !== undefined) {
    return downloadExport(context, merchant.id, { file: query.file, expires: query.expires, sig: query.sig });
  }
  if (query.id !== undefined) return { data: await exportProgress(context, merchant.id, query.id) };
  return { data: await listRecentExports(context, merchant.id) };
});

export const POST = route(apiRoutes.exportCreate, async ({ context, merchant, body, log }) => {
  const progress = await createExport(context, merchant.id, body);
  log.info({ table: progress.table, format: progress.format, status: progress.status, rows: progress.total }, 'export requested');
  return { data: progress };
});
