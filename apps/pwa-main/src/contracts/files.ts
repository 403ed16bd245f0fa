import { EXPORT_FORMATS, EXPORT_TABLES, IMPORT_FIELDS } from '@salla-analytics/core-library';
import { z } from 'zod';
import { periodQueryFields } from './period-query';
import { RFM_SEGMENT_NAMES } from './rfm-segment-names';

/** POST /api/v1/exports: which table view, in which format and language, with the view's filters and period. */
export const exportCreateBodySchema = z
  .strictObject({
    table: z.enum(EXPORT_TABLES).describe('The table view to export'),
    format: z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with BOM) or xlsx'),
    locale: z.enum(['ar', 'en']).default('ar').describe('Language of the column headers'),
    sortBy: z.enum(['revenue', 'quantity']).optional().describe('products: the view’s sort'),
    dimension: z.enum(['payment_method', 'city', 'status']).optional().describe('sales_breakdown: what sales are broken down by'),
    segment: z.enum(RFM_SEGMENT_NAMES).optional().describe('rfm_members: one segment (default: every customer)'),
    segmentId: z.union([z.enum(RFM_SEGMENT_NAMES), z.uuid()]).optional().describe('segment_members: an RFM segment name or a saved segment id (default: every customer with a purchase)'),
    ...periodQueryFields,
  })
  .refine((b) => b.preset !== 'custom' || (b.from !== undefined && b.to !== undefined), { message: 'a custom period needs from and to', path: ['from'] })
  .refine((b) => b.from === undefined || b.to === undefined || b.from <= b.to, { message: 'from must not be after to', path: ['to'] });

/**
 * GET /api/v1/exports: the store's recent exports; `id`: one background export's progress; `file` +
 * `expires` + `sig`: download by a signed link.
 */
export const exportQuerySchema = z
  .strictObject({
    id: z.uuid().optional().describe('A background export (job) to report on'),
    file: z.uuid().optional().describe('Download: the export file'),
    expires: z.coerce.number().int().positive().optional().describe('Download: Unix time the link stops working'),
    sig: z.string().regex(/^[0-9a-f]{64}$/).optional().describe('Download: HMAC-SHA256 of the link'),
  })
  .refine((q) => (q.file === undefined) === (q.expires === undefined) && (q.file === undefined) === (q.sig === undefined), {
    message: 'a download link needs file, expires and sig',
    path: ['file'],
  });

/** Column index per field (the file's columns are numbered from 0). */
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.number().int().min(0).max(500));

export const importMappingBodySchema = z.strictObject({
  uploadId: z.uuid(),
  mapping: importMappingSchema,
});

export const importStatusQuerySchema = z.strictObject({ id: z.uuid().optional().describe('An upload to report on (default: the store’s recent uploads)') });
