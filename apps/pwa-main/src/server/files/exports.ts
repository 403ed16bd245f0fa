import {
  AppError,
  EXPORT_CONTENT_TYPES,
  EXPORT_JOB_TYPE,
  type ExportSpec,
  exportFileName,
  renderExportFile,
  type TableRow,
} from '@salla-analytics/core-library';
import { enqueueJob, findExportFileOfJob, getCustomerSegment, getExportFile, getJob, listExportFiles, saveExportFile } from '@salla-analytics/database-schema';
import { countExportRows, exportTableRows } from '@salla-analytics/olap-repository';
import type { z } from 'zod';
import type { exportCreateBodySchema } from '../../contracts/files';
import { RFM_SEGMENT_NAMES } from '../../contracts/rfm-segment-names';
import { getEnv } from '../../env';
import type { ServerContext } from '../context';
import { loadStoreSettings } from '../analytics/merchant-settings';
import { resolveQueryPeriod } from '../analytics/resolve-query-period';
import { signedDownloadUrl, verifyDownloadLink } from './export-links';

/** How long a file exported at once stays downloadable (a background export's file: the pipeline's EXPORT_FILE_TTL_SECONDS). */
const DIRECT_FILE_TTL_MS = 60 * 60 * 1000;

export type ExportStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled' | 'expired';

export interface ExportProgress {
  jobId: string | null;
  status: ExportStatus;
  table: string;
  format: string;
  done: number;
  total: number | null;
  fraction: number | null;
  fileName: string | null;
  rows: number | null;
  downloadUrl: string | null;
  linkExpiresAt: string | null;
  error: string | null;
}

/** The export as the job will run it: the view's period resolved now, in the store's zone; only the filters the table uses. */
export async function exportSpecOf(context: ServerContext, merchantId: number, body: z.output<typeof exportCreateBodySchema>): Promise<ExportSpec> {
  const settings = await loadStoreSettings(context.db, merchantId);
  const { period } = resolveQueryPeriod({ ...body, compare: 'none' }, settings);
  const filters: ExportSpec['filters'] = {};
  if (body.table === 'products') filters.sortBy = body.sortBy ?? 'revenue';
  if (body.table === 'sales_breakdown') filters.dimension = body.dimension ?? 'payment_method';
  if (body.table === 'rfm_members' && body.segment) filters.segment = body.segment;
  if (body.table === 'segment_members') {
    // The saved segment's filters (or an RFM segment's), judged now: the same members the Segments page lists.
    filters.asOf = new Date().toISOString();
    if (body.segmentId === undefined) filters.segmentFilters = {};
    else if ((RFM_SEGMENT_NAMES as readonly string[]).includes(body.segmentId)) {
      filters.segment = body.segmentId;
      filters.segmentFilters = { rfmSegments: [body.segmentId] };
    } else {
      const segment = await getCustomerSegment(context.db, { merchantId, id: body.segmentId });
      if (!segment) throw new AppError('NOT_FOUND', 'No such segment for this store');
      filters.segment = 'custom';
      filters.segmentFilters = segment.filters as Record<string, unknown>;
    }
  }
  return {
    table: body.table,
    format: body.format,
    locale: body.locale,
    filters,
    period: { from: period.from, to: period.to, fromDate: period.fromDate, toDate: period.toDate, timeZone: period.timeZone, preset: period.preset },
    currency: settings.currency,
    storeName: settings.name,
  };
}

/**
 * Starts an export. Up to EXPORT_DIRECT_MAX_ROWS rows (default 2,000) it is written now and comes back with its
 * download link; above, it is queued for the pipeline's workers (progress via exportProgress).
 */
export async function createExport(context: ServerContext, merchantId: number, body: z.output<typeof exportCreateBodySchema>): Promise<ExportProgress> {
  const spec = await exportSpecOf(context, merchantId, body);
  const total = await countExportRows(context.analytics, merchantId, spec);
  if (total > getEnv().EXPORT_DIRECT_MAX_ROWS) {
    const { job } = await enqueueJob(context.db, { type: EXPORT_JOB_TYPE, merchantId, progressTotal: total, checkpoint: JSON.parse(JSON.stringify({ spec })) });
    return { jobId: job.id, status: 'queued', table: spec.table, format: spec.format, done: 0, total, fraction: 0, fileName: null, rows: null, downloadUrl: null, linkExpiresAt: null, error: null };
  }
  const rows: TableRow[] = [];
  for await (const page of exportTableRows(context.analytics, merchantId, spec)) rows.push(...page);
  const content = await renderExportFile(spec, rows);
  const file = await saveExportFile(context.db, {
    merchantId,
    tableName: spec.table,
    format: spec.format,
    fileName: exportFileName(spec),
    contentType: EXPORT_CONTENT_TYPES[spec.format],
    content,
    rowCount: rows.length,
    expiresAt: new Date(Date.now() + DIRECT_FILE_TTL_MS),
  });
  const link = signedDownloadUrl(merchantId, file.id);
  return {
    jobId: null,
    status: 'succeeded',
    table: spec.table,
    format: spec.format,
    done: rows.length,
    total: rows.length,
    fraction: 1,
    fileName: file.fileName,
    rows: rows.length,
    downloadUrl: link.url,
    linkExpiresAt: link.expiresAt,
    error: null,
  };
}

/** A background export's progress; once written, a fresh signed link to its file. */
export async function exportProgress(context: ServerContext, merchantId: number, jobId: string): Promise<ExportProgress> {
  const job = await getJob(context.db, { merchantId, id: jobId });
  if (!job || job.type !== EXPORT_JOB_TYPE) throw new AppError('NOT_FOUND', 'No such export for this store');
  const spec = (job.checkpoint as { spec?: { table?: string; format?: string } } | null)?.spec;
  const file = job.status === 'succeeded' ? await findExportFileOfJob(context.db, { merchantId, jobId }) : null;
  const expired = job.status === 'succeeded' && (!file || file.expiresAt.getTime() <= Date.now());
  const link = file && !expired ? signedDownloadUrl(merchantId, file.id) : null;
  const total = job.progressTotal;
  return {
    jobId: job.id,
    status: expired ? 'expired' : job.status,
    table: spec?.table ?? '',
    format: spec?.format ?? '',
    done: job.progressDone,
    total,
    fraction: total ? Math.min(1, job.progressDone / total) : job.status === 'succeeded' ? 1 : null,
    fileName: file?.fileName ?? null,
    rows: file?.rowCount ?? null,
    downloadUrl: link?.url ?? null,
    linkExpiresAt: link?.expiresAt ?? null,
    error: job.status === 'failed' ? (job.error ?? 'failed') : null,
  };
}

/** The file behind a signed link, for the session's merchant only, as an attachment. */
export async function downloadExport(context: ServerContext, merchantId: number, link: { file: string; expires: number; sig: string }): Promise<Response> {
  verifyDownloadLink(merchantId, link);
  const file = await getExportFile(context.db, { merchantId, id: link.file });
  if (!file) throw new AppError('NOT_FOUND', 'This export is no longer available; export again from the page');
  return new Response(new Uint8Array(file.content), {
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.byteSize),
      'content-disposition': `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'cache-control': 'private, no-store',
    },
  });
}

export interface RecentExport {
  fileId: string;
  table: string;
  format: string;
  fileName: string;
  rows: number;
  createdAt: string;
  expiresAt: string;
  downloadUrl: string;
}

/** The store's unexpired export files, newest first, each with a fresh signed link. */
export async function listRecentExports(context: ServerContext, merchantId: number): Promise<RecentExport[]> {
  const files = await listExportFiles(context.db, { merchantId, limit: 10 });
  return files.map((file) => ({
    fileId: file.id,
    table: file.tableName,
    format: file.format,
    fileName: file.fileName,
    rows: file.rowCount,
    createdAt: file.createdAt.toISOString(),
    expiresAt: file.expiresAt.toISOString(),
    downloadUrl: signedDownloadUrl(merchantId, file.id).url,
  }));
}
