import {
  AppError,
  EXPORT_CONTENT_TYPES,
  type ExportSpec,
  exportFileName,
  exportSpecSchema,
  renderExportFile,
  type TableRow,
} from '@salla-analytics/core-library';
import { type Database, type Job, saveExportFile, updateJobProgress } from '@salla-analytics/database-schema';
import { countExportRows, exportTableRows, type IAnalyticsRepository } from '@salla-analytics/olap-repository';

export interface ExportJobDeps {
  db: Database;
  repository: IAnalyticsRepository;
  /** How long the finished file stays downloadable. */
  fileTtlMs: number;
  leaseMs: number;
  signal: AbortSignal;
  /** Rows per repository call (RFM members). */
  pageSize?: number;
}

/** The checkpoint an export job is queued with: what to export. */
export interface ExportJobCheckpoint {
  spec: ExportSpec;
}

/**
 * Runs one export job: reads the view's rows page by page (progress in the job row, lease renewed
 * each page), writes the CSV/XLSX and keeps it in Postgres under the job (a re-run replaces it:
 * one file per job). Reading is side-effect free, so a crashed job simply runs again.
 */
export async function runExportJob(deps: ExportJobDeps, job: Job): Promise<{ fileId: string; rows: number }> {
  if (job.merchantId === null) throw new AppError('INVALID_ARGUMENT', 'an export job needs a merchant', { retryable: false });
  const parsed = exportSpecSchema.safeParse((job.checkpoint as Partial<ExportJobCheckpoint> | null)?.spec);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', 'the export job has no valid spec', { retryable: false });
  const spec = parsed.data;
  const merchantId = Number(job.merchantId);
  const total = await countExportRows(deps.repository, merchantId, spec);
  await updateJobProgress(deps.db, job.id, { done: 0, total, leaseMs: deps.leaseMs });
  let done = 0;
  const pages = exportTableRows(deps.repository, merchantId, spec, deps.pageSize ? { pageSize: deps.pageSize } : {});
  const db = deps.db;
  async function* rows(): AsyncGenerator<TableRow> {
    for await (const page of pages) {
      if (deps.signal.aborted) throw new AppError('INTERNAL', 'export stopped', { retryable: true });
      yield* page;
      done += page.length;
      await updateJobProgress(db, job.id, { done, total: Math.max(total, done), leaseMs: deps.leaseMs });
    }
  }
  const content = await renderExportFile(spec, rows());
  const file = await saveExportFile(deps.db, {
    merchantId,
    jobId: job.id,
    tableName: spec.table,
    format: spec.format,
    fileName: exportFileName(spec),
    contentType: EXPORT_CONTENT_TYPES[spec.format],
    content,
    rowCount: done,
    expiresAt: new Date(Date.now() + deps.fileTtlMs),
  });
  return { fileId: file.id, rows: done };
}
