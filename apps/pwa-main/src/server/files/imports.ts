import {
  AppError,
  assertImportMapping,
  detectImportSource,
  FILE_IMPORT_JOB_TYPE,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  type ImportFileFormat,
  type ImportMapping,
  type ImportRowError,
  importFormatOf,
  readTableFile,
  suggestImportMapping,
  validateOrderRows,
} from '@salla-analytics/core-library';
import { createImportUpload, getImportUpload, getJob, type ImportUpload, listImportUploads, startImportUpload } from '@salla-analytics/database-schema';
import type { ServerContext } from '../context';
import { loadStoreSettings } from '../analytics/merchant-settings';

/** How long an upload waits for its mapping and import. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** Errors listed in a preview (the count is always complete). */
const PREVIEW_ERRORS = 1_000;

export interface ImportUploadResult {
  uploadId: string;
  fileName: string;
  format: ImportFileFormat;
  rowCount: number;
  source: string;
  headers: string[];
  suggestedMapping: ImportMapping;
  sample: string[][];
  fields: Array<{ field: string; label: { ar: string; en: string }; required: boolean }>;
  limits: { maxBytes: number; maxRows: number };
}

/** Reads a multipart upload (field `file`), checks its size, format and rows, keeps it, and suggests the mapping. */
export async function uploadImportFile(context: ServerContext, merchantId: number, request: Request): Promise<ImportUploadResult> {
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > IMPORT_MAX_BYTES + 64 * 1024) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Upload the file as multipart/form-data (field "file")');
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The upload could not be read');
  }
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('VALIDATION_FAILED', 'Attach the file in the "file" field');
  if (file.size > IMPORT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB`);
  if (file.size === 0) throw new AppError('VALIDATION_FAILED', 'The file is empty');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = importFormatOf(file.name, bytes);
  const table = await readTableFile(bytes, format);
  const upload = await createImportUpload(context.db, {
    merchantId,
    fileName: file.name,
    format,
    content: bytes,
    rowCount: table.rows.length,
    source: detectImportSource(table.headers),
    headers: table.headers,
    expiresAt: new Date(Date.now() + UPLOAD_TTL_MS),
  });
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    format,
    rowCount: table.rows.length,
    source: upload.source,
    headers: table.headers,
    suggestedMapping: suggestImportMapping(table.headers),
    sample: table.rows.slice(0, 5).map((row) => table.headers.map((_, i) => text(row[i]))),
    fields: IMPORT_FIELDS.map((field) => ({ field, label: IMPORT_FIELD_LABELS[field], required: ['order_number', 'order_date', 'total'].includes(field) })),
    limits: { maxBytes: IMPORT_MAX_BYTES, maxRows: IMPORT_MAX_ROWS },
  };
}

export interface ImportPreview {
  uploadId: string;
  rows: number;
  validOrders: number;
  rejectedOrders: number;
  rejectedRows: number;
  errorCount: number;
  errors: ImportRowError[];
  totalsMinor: Record<string, number>;
}

async function validateUpload(context: ServerContext, merchantId: number, uploadId: string, mapping: ImportMapping) {
  const upload = await getImportUpload(context.db, { merchantId, id: uploadId });
  if (!upload || upload.expiresAt.getTime() <= Date.now()) throw new AppError('NOT_FOUND', 'No such upload for this store (uploads are kept for 24 hours)');
  assertImportMapping(mapping, upload.headers as string[]);
  const settings = await loadStoreSettings(context.db, merchantId);
  const table = await readTableFile(upload.content, upload.format as ImportFileFormat);
  // The same clock as the import job: the upload's time (future dates are judged against it).
  const validation = validateOrderRows(table, mapping, { timeZone: settings.timeZone, defaultCurrency: settings.currency, now: upload.createdAt });
  return { upload, validation };
}

/** Every row checked with this mapping, before anything is imported: the rejected rows with their reasons. */
export async function previewImport(context: ServerContext, merchantId: number, uploadId: string, mapping: ImportMapping): Promise<ImportPreview> {
  const { validation } = await validateUpload(context, merchantId, uploadId, mapping);
  return {
    uploadId,
    rows: validation.rows,
    validOrders: validation.orders.length,
    rejectedOrders: validation.rejectedOrders,
    rejectedRows: new Set(validation.errors.map((error) => error.row)).size,
    errorCount: validation.errors.length,
    errors: validation.errors.slice(0, PREVIEW_ERRORS),
    totalsMinor: validation.totalsMinor,
  };
}

export interface ImportProgress {
  uploadId: string;
  fileName: string;
  jobId: string | null;
  status: 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'canceled';
  done: number;
  total: number | null;
  fraction: number | null;
  orders: number | null;
  rejectedOrders: number | null;
  error: string | null;
}

/** Queues the upload's import (once: a second start returns the same job). Refused when no order is valid. */
export async function startImport(context: ServerContext, merchantId: number, uploadId: string, mapping: ImportMapping): Promise<{ started: boolean; progress: ImportProgress }> {
  const { validation } = await validateUpload(context, merchantId, uploadId, mapping);
  if (validation.orders.length === 0) throw new AppError('VALIDATION_FAILED', 'No row of this file can be imported; fix the errors shown and upload it again');
  const { started } = await startImportUpload(context.db, { merchantId, id: uploadId, mapping, jobType: FILE_IMPORT_JOB_TYPE, rowCount: validation.orders.length });
  return { started, progress: await importProgress(context, merchantId, uploadId) };
}

export async function importProgress(context: ServerContext, merchantId: number, uploadId: string): Promise<ImportProgress> {
  const upload = await getImportUpload(context.db, { merchantId, id: uploadId });
  if (!upload) throw new AppError('NOT_FOUND', 'No such upload for this store');
  return progressOf(upload, upload.jobId ? await getJob(context.db, { merchantId, id: upload.jobId }) : null);
}

function progressOf(upload: Omit<ImportUpload, 'content'>, job: Awaited<ReturnType<typeof getJob>>): ImportProgress {
  const checkpoint = (job?.checkpoint ?? null) as { orders?: number; rejectedOrders?: number } | null;
  const total = job?.progressTotal ?? null;
  return {
    uploadId: upload.id,
    fileName: upload.fileName,
    jobId: job?.id ?? null,
    status: job ? job.status : 'uploaded',
    done: job?.progressDone ?? 0,
    total,
    fraction: job && total ? Math.min(1, job.progressDone / total) : null,
    orders: checkpoint?.orders ?? null,
    rejectedOrders: checkpoint?.rejectedOrders ?? null,
    error: job?.status === 'failed' ? (job.error ?? 'failed') : null,
  };
}

/** The store's latest uploads with their import progress, newest first. */
export async function listRecentImports(context: ServerContext, merchantId: number): Promise<ImportProgress[]> {
  const uploads = await listImportUploads(context.db, { merchantId, limit: 10 });
  return Promise.all(uploads.map(async (upload) => progressOf(upload, upload.jobId ? await getJob(context.db, { merchantId, id: upload.jobId }) : null)));
}

function text(cell: unknown): string {
  return cell instanceof Date ? cell.toISOString() : String(cell ?? '');
}
