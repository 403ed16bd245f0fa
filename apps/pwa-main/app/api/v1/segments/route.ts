import { apiRoutes } from '../../../../src/server/api-catalog';
import { route } from '../../../../src/server/http/route';
import { createSegment, deleteSegment, listSegments, updateSegment } from '../../../../src/server/marketing/segments';

export const GET = route(apiRoutes.segments, ({ context, merchant }) => listSegments(context, merchant.id));

export const POST = route(apiRoutes.segmentCreate, async ({ context, merchant, body }) => ({ data: await createSegment(context, merchant.id, body) }));

export const PATCH = route(apiRoutes.segmentUpdate, async ({ context, merchant, body }) => ({ data: await updateSegment(context, merchant.id, body) }));

export const DELETE = route(apiRoutes.segmentDelete, async ({ context, merchant, query }) => ({ data: await deleteSegment(context, merchant.id, query.id) }));
