import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';

/** A segment's name and its filters (validated by the caller against olap-repository's segmentFiltersSchema). */
export const SegmentFieldsSchema = z.object({
  name: z.string().trim().min(1).max(100),
  filters: z.custom<Prisma.InputJsonObject>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'filters must be an object'),
});
