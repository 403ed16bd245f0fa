import { cartRecoveryRulesSchema } from '@salla-analytics/core-library';
import { segmentFiltersSchema } from '@salla-analytics/olap-repository';
import { z } from 'zod';
import { RFM_SEGMENT_NAMES } from './rfm-segment-names';

// Contracts of the segments and cart recovery campaign routes. Bodies are strict: an unknown key
// (a merchant id included) is refused.
const name = z.string().trim().min(1).max(100);
const id = z.uuid().describe('The id returned when it was created');

export const segmentsQuerySchema = z.strictObject({});
export const segmentCreateBodySchema = z.strictObject({ name, filters: segmentFiltersSchema });
export const segmentPatchBodySchema = z
  .strictObject({ id, name: name.optional(), filters: segmentFiltersSchema.optional() })
  .refine((patch) => patch.name !== undefined || patch.filters !== undefined, 'nothing to change');
export const segmentDeleteQuerySchema = z.strictObject({ id });
export const segmentMembersQuerySchema = z.strictObject({
  segment: z
    .union([z.enum(RFM_SEGMENT_NAMES), z.uuid()])
    .optional()
    .describe('An RFM segment name or a saved segment id; absent = every customer with a purchase'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Members per page (1–200)'),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const campaignsQuerySchema = z.strictObject({});
export const campaignCreateBodySchema = z.strictObject({
  name,
  status: z.enum(['active', 'paused']).default('active'),
  rules: cartRecoveryRulesSchema,
});
export const campaignPatchBodySchema = z
  .strictObject({ id, name: name.optional(), status: z.enum(['active', 'paused']).optional(), rules: cartRecoveryRulesSchema.optional() })
  .refine((patch) => patch.name !== undefined || patch.status !== undefined || patch.rules !== undefined, 'nothing to change');

export type SegmentCreateBody = z.output<typeof segmentCreateBodySchema>;
export type CampaignCreateBody = z.output<typeof campaignCreateBodySchema>;
