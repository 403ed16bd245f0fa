import { createHash } from 'node:crypto';
import type { DatabaseClient } from '../client.js';
import type { ImportUpload } from '../generated/prisma/client.js';
import { type MerchantIdInput, toMerchantId } from '../merchants/merchant-id.js';

export interface CreateImportUploadInput {
  merchantId: MerchantIdInput;
  fileName: string;
  format: string;
  content: Uint8Array;
  rowCount: number;
  source: string;
  headers: string[];
  expiresAt: Date;
}

/** Keeps an uploaded order-history file until it is mapped, checked and imported (or expires). */
export async function createImportUpload(db: DatabaseClient, input: CreateImportUploadInput): Promise<ImportUpload> {
  return db.importUpload.create({
    data: {
      merchantId: toMerchantId(input.merchantId),
      fileName: input.fileName.slice(0, 255),
      format: input.format,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: new Uint8Array(input.content),
      byteSize: input.content.byteLength,
      rowCount: input.rowCount,
      source: input.source,
      headers: input.headers,
      expiresAt: input.expiresAt,
    },
  });
}
