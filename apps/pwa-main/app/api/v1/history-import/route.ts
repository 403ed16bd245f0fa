import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';
import { latestHistoryImport, startHistoryImport } from '../../../../src/server/history/history-import';

export const GET = route(apiRoutes.historyImportGet, async ({ context, merchant }) => ({
  data: await latestHistoryImport(context.db, merchant.id),
}));

export const POST = route(apiRoutes.historyImportStart, async ({ context, merchant, log }) => {
  const { started, progress } = await startHistoryImport(context.db, merchant.id);
  if (started) log.info({ merchantId: merchant.id, jobId: progress.jobId }, 'history import queued');
  return { data: progress, meta: { started } };
});
