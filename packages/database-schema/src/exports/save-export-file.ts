import type { DatabaseClient } from '../client.js';
import type { ExportFile } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export interface SaveExportFileInput {
  merchantId: MerchantIdInput;
  /** The job that wrote it: a re-run of the job replaces its file instead of adding one. */
  jobId?: string;
  tableName: string;
  format: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  rowCount: number;
  expiresAt: Date;
}

/** Keeps a finished export file (one per job: a job run twice still leaves one file). */
export async function saveExportFile(db: DatabaseClient, input: SaveExportFileInput): Promise<ExportFile> {
  const data = {
    merchantId: toMerchantId(input.merchantId),
    tableName: input.tableName,
    format: input.format,
    fileName: input.fileName,
    contentType: input.contentType,
    content: new Uint8Array(input.content),
    rowCount: input.rowCount,
    byteSize: input.content.byteLength,
    expiresAt: input.expiresAt,
  };
  if (input.jobId === undefined) return db.exportFile.create({ data });
  return db.exportFile.upsert({ where: { jobId: input.jobId }, create: { ...data, jobId: input.jobId }, update: data });
}
