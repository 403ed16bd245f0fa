import { AppError } from '@salla-analytics/core-library';
import {
  createCustomerSegment,
  type CustomerSegment,
  deleteCustomerSegment,
  getCustomerSegment,
  isUniqueViolation,
  listCustomerSegments,
  updateCustomerSegment,
} from '@salla-analytics/database-schema';
import { type SegmentFilters, segmentFiltersSchema } from '@salla-analytics/olap-repository';
import type { z } from 'zod';
import type { segmentCreateBodySchema, segmentMembersQuerySchema, segmentPatchBodySchema } from '../../contracts/marketing';
import { RFM_SEGMENT_NAMES } from '../../contracts/rfm-segment-names';
import { cachedQuery } from '../analytics/cached-query';
import type { ServerContext } from '../context';

export interface SavedSegment {
  id: string;
  name: string;
  filters: SegmentFilters;
  members: number;
  createdAt: string;
}

function toSaved(segment: CustomerSegment, members: number): SavedSegment {
  return { id: segment.id, name: segment.name, filters: segmentFiltersSchema.parse(segment.filters), members, createdAt: segment.createdAt.toISOString() };
}

/** Membership is counted as of now: segments are live, evaluated in ClickHouse on every read. */
async function countMembers(context: ServerContext, merchantId: number, filters: SegmentFilters, asOf: Date): Promise<number> {
  const page = await context.analytics.getSegmentMembers({ merchantId, filters, asOf, limit: 0 });
  return page.total;
}

/** The RFM segments (as of now) and the store's saved segments with their current sizes. */
export async function listSegments(context: ServerContext, merchantId: number) {
  const asOf = new Date();
  const [rfm, saved] = await Promise.all([
    cachedQuery(context, merchantId, 'rfm-now', { minute: Math.floor(asOf.getTime() / 60_000) }, () => context.analytics.getRfmSegments({ merchantId, asOf })),
    listCustomerSegments(context.db, merchantId),
  ]);
  const custom = await Promise.all(saved.map(async (segment) => toSaved(segment, await countMembers(context, merchantId, segmentFiltersSchema.parse(segment.filters), asOf))));
  return { data: { rfm: rfm.data, custom }, meta: { asOf: asOf.toISOString() } };
}

export async function createSegment(context: ServerContext, merchantId: number, body: z.output<typeof segmentCreateBodySchema>): Promise<SavedSegment> {
  try {
    const segment = await createCustomerSegment(context.db, { merchantId, name: body.name, filters: body.filters });
    return toSaved(segment, await countMembers(context, merchantId, body.filters, new Date()));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A segment with this name exists already');
    throw error;
  }
}

export async function updateSegment(context: ServerContext, merchantId: number, body: z.output<typeof segmentPatchBodySchema>): Promise<SavedSegment> {
  try {
    const { id, ...patch } = body;
    const segment = await updateCustomerSegment(context.db, { merchantId, id }, patch);
    if (!segment) throw new AppError('NOT_FOUND', 'No such segment in this store');
    return toSaved(segment, await countMembers(context, merchantId, segmentFiltersSchema.parse(segment.filters), new Date()));
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'A segment with this name exists already');
    throw error;
  }
}

export async function deleteSegment(context: ServerContext, merchantId: number, id: string): Promise<{ id: string }> {
  if (!(await deleteCustomerSegment(context.db, { merchantId, id }))) throw new AppError('NOT_FOUND', 'No such segment in this store');
  return { id };
}

/** The filters a member list or an export of it uses: an RFM segment, a saved segment, or everyone. */
export async function resolveSegmentFilters(context: ServerContext, merchantId: number, segment: string | undefined): Promise<SegmentFilters> {
  if (segment === undefined) return {};
  if ((RFM_SEGMENT_NAMES as readonly string[]).includes(segment)) return { rfmSegments: [segment as (typeof RFM_SEGMENT_NAMES)[number]] };
  const saved = await getCustomerSegment(context.db, { merchantId, id: segment });
  if (!saved) throw new AppError('NOT_FOUND', 'No such segment in this store');
  return segmentFiltersSchema.parse(saved.filters);
}

/** One page of a segment's members (most valuable first) with the total. */
export async function segmentMembers(context: ServerContext, merchantId: number, query: z.output<typeof segmentMembersQuerySchema>) {
  const filters = await resolveSegmentFilters(context, merchantId, query.segment);
  const asOf = new Date();
  const page = await context.analytics.getSegmentMembers({ merchantId, filters, asOf, limit: query.limit, offset: query.offset });
  return {
    data: { total: page.total, members: page.members.map((member) => ({ ...member, lastOrderAt: member.lastOrderAt.toISOString() })) },
    meta: { asOf: asOf.toISOString(), limit: query.limit, offset: query.offset },
  };
}
