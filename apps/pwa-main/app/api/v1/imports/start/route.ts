import { apiRoutes } from '../../../../../src/server/api-catalog';
import { startImport } from '../../../../../src/server/files/imports';
import { route } from '../../../../../src/server/http/route';

export const POST = route(apiRoutes.importStart, async ({ context, merchant, body, log }) => {
  const { started, progress } = await startImport(context, merchant.id, body.uploadId, body.mapping);
  if (started) log.info({ uploadId: body.uploadId, jobId: progress.jobId }, 'order-history import queued');
  return { data: progress, meta: { started } };
});
