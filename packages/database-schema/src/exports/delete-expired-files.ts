import type { DatabaseClient } from '../client.js';

/** Deletes export files and import uploads past their expiry (every merchant's): how many went. */
export async function deleteExpiredFiles(db: DatabaseClient, now = new Date()): Promise<{ exports: number; uploads: number }> {
  const exports = await db.exportFile.deleteMany({ where: { expiresAt: { lte: now } } });
  const uploads = await db.importUpload.deleteMany({ where: { expiresAt: { lte: now } } });
  return { exports: exports.count, uploads: uploads.count };
}
