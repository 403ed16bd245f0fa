import { createDatabase, saveExportFile } from '@salla-analytics/database-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetEnvForTests } from '../src/env';
import { API_ROUTE_LIST } from '../src/server/api-catalog';
import { closeContext } from '../src/server/context';
import { signedDownloadUrl } from '../src/server/files/export-links';
import { resetRateLimitersForTests } from '../src/server/security/rate-limit';
import { seedFiredAlert } from './support/alert-seed';
import { type CallOptions, callRoute, ORIGIN, routeModule } from './support/call-route';
import { sessionFor } from './support/sessions';
import { MERCHANT_A, MERCHANT_B, startTestStack, type TestStack } from './support/test-stack';

// Cross-merchant access by id (issue 8): every catalogued route that takes a resource id (a uuid in
// its query or body, found from the catalog's schemas) is called with store B's owner session and
// store A's ids. Each must answer 404 NOT_FOUND with `{ error: { code, message } }` (or, for the two
// filters over the caller's own rows, an empty answer), leave A's resources exactly as they were,
// and B's listings must never show them. A new id parameter fails the first test until it is added
// to the table below.

const A = { ...MERCHANT_A, months: 1, ordersPerMonth: 10 };
const B = { ...MERCHANT_B, months: 1, ordersPerMonth: 10 };
const RULES = { delayMinutes: 60, minCartValueMinor: 10_000, maxAttempts: 2, attemptSpacingMinutes: 1_440, quietHours: { start: 1_320, end: 480 }, attributionWindowHours: 72 };
const CSV = ['order_number,order_date,status,total,currency', 'Z-1,2026-03-01 10:00,completed,150.50,SAR', 'Z-2,2026-03-02 11:00,completed,80,SAR'].join('\n');

interface Ids {
  rule: string;
  notification: string;
  segment: string;
  campaign: string;
  exportJob: string;
  exportFile: string;
  exportLink: string;
  upload: string;
}

/** B's request naming A's resource, and what it must get: refused (404), or an empty answer with this data. */
interface Probe {
  call: (ids: Ids) => CallOptions & { path?: string };
  empty?: unknown;
}

// One row per (route, id parameter) the catalog declares; the key is `METHOD path where.name`.
const PROBES: Record<string, Probe[]> = {
  'PATCH /api/v1/alerts body.id': [{ call: (ids) => ({ body: { id: ids.rule, enabled: false, name: 'hijacked' } }) }],
  'DELETE /api/v1/alerts query.id': [{ call: (ids) => ({ query: { id: ids.rule } }) }],
  // A filter over the caller's store: A's rule id matches none of B's events.
  'GET /api/v1/alerts/history query.ruleId': [{ call: (ids) => ({ query: { ruleId: ids.rule } }), empty: [] }],
  // Marks only the caller's own notifications: A's id marks nothing.
  'POST /api/v1/notifications body.ids': [{ call: (ids) => ({ body: { ids: [ids.notification] } }), empty: { marked: 0 } }],
  'PATCH /api/v1/segments body.id': [{ call: (ids) => ({ body: { id: ids.segment, name: 'hijacked' } }) }],
  'DELETE /api/v1/segments query.id': [{ call: (ids) => ({ query: { id: ids.segment } }) }],
  'GET /api/v1/segments/members query.segment': [{ call: (ids) => ({ query: { segment: ids.segment } }) }],
  'PATCH /api/v1/campaigns body.id': [{ call: (ids) => ({ body: { id: ids.campaign, status: 'paused', name: 'hijacked' } }) }],
  'POST /api/v1/exports body.segmentId': [{ call: (ids) => ({ body: { table: 'segment_members', format: 'csv', segmentId: ids.segment } }) }],
  'GET /api/v1/exports query.id': [{ call: (ids) => ({ query: { id: ids.exportJob } }) }],
  'GET /api/v1/exports query.file': [
    // A's own signed link, presented with B's session…
    { call: (ids) => ({ query: ids.exportLink.split('?')[1] ?? '' }) },
    // …and A's file id in a link B signed for itself.
    { call: (ids) => ({ query: signedDownloadUrl(B.merchantId, ids.exportFile).url.split('?')[1] ?? '' }) },
  ],
  'POST /api/v1/imports/preview body.uploadId': [{ call: (ids) => ({ body: { uploadId: ids.upload, mapping: { order_number: 0, order_date: 1, status: 2, total: 3, currency: 4 } } }) }],
  'POST /api/v1/imports/start body.uploadId': [{ call: (ids) => ({ body: { uploadId: ids.upload, mapping: { order_number: 0, order_date: 1, status: 2, total: 3, currency: 4 } } }) }],
  'GET /api/v1/imports query.id': [{ call: (ids) => ({ query: { id: ids.upload } }) }],
};

type JsonSchema = { format?: string; type?: string; items?: JsonSchema; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; allOf?: JsonSchema[] };

/** Does this (JSON Schema of a) parameter accept a uuid, alone, in a union or in an array? */
function takesId(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.format === 'uuid') return true;
  if (schema.type === 'array') return takesId(schema.items);
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].some(takesId);
}

/** Names of the parameters of a query or body schema (top level or in any branch of a union) that take an id. */
function idParameters(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const names = new Set<string>();
  const walk = (json: JsonSchema) => {
    for (const [name, property] of Object.entries(json.properties ?? {})) if (takesId(property)) names.add(name);
    for (const branch of [...(json.anyOf ?? []), ...(json.oneOf ?? []), ...(json.allOf ?? [])]) walk(branch);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema);
  return [...names];
}

const CATALOGUED = API_ROUTE_LIST.flatMap((spec) => [
  ...idParameters(spec.query).map((name) => `${spec.method} ${spec.path} query.${name}`),
  ...idParameters(spec.body).map((name) => `${spec.method} ${spec.path} body.${name}`),
]);

let stack: TestStack;
let ownerA: string;
let ownerB: string;
const ids = {} as Ids;

type Body = { data?: unknown; meta?: Record<string, unknown>; error?: { code: string; message: string } };
async function call(cookie: string, path: string, options: CallOptions = {}): Promise<{ status: number; body: Body; text: string }> {
  const response = await callRoute(path, { cookie, headers: { origin: ORIGIN }, ...options });
  const text = await response.text();
  let body: Body = {};
  try {
    body = JSON.parse(text) as Body;
  } catch {
    // A file download: its bytes stay in `text`.
  }
  return { status: response.status, body, text };
}

/** Everything A can read about its id-addressed resources. */
async function stateOfA(): Promise<Record<string, unknown>> {
  const reads: Record<string, [string, CallOptions?]> = {
    alerts: ['/api/v1/alerts'],
    history: ['/api/v1/alerts/history', { query: { ruleId: ids.rule } }],
    notifications: ['/api/v1/notifications'],
    segments: ['/api/v1/segments'],
    members: ['/api/v1/segments/members', { query: { segment: ids.segment, limit: '200' } }],
    campaigns: ['/api/v1/campaigns'],
    exportJob: ['/api/v1/exports', { query: { id: ids.exportJob } }],
    exports: ['/api/v1/exports'],
    upload: ['/api/v1/imports', { query: { id: ids.upload } }],
    uploads: ['/api/v1/imports'],
  };
  const state: Record<string, unknown> = {};
  for (const [name, [path, options]] of Object.entries(reads)) {
    const { status, body } = await call(ownerA, path, options);
    // The data only (meta holds the time of the answer); fresh links' expiry and signature left out.
    state[name] = `${status} ${JSON.stringify(body.data).replace(/expires=\d+&sig=[0-9a-f]+|"linkExpiresAt":"[^"]*"/g, '')}`;
  }
  const file = await call(ownerA, '/api/v1/exports', { query: ids.exportLink.split('?')[1] ?? '' });
  state.download = `${file.status} ${file.text}`;
  return state;
}

/** B's own listings of every kind of resource, as text. */
async function listingsOfB(): Promise<string> {
  const paths = ['/api/v1/alerts', '/api/v1/alerts/history', '/api/v1/notifications', '/api/v1/segments', '/api/v1/campaigns', '/api/v1/exports', '/api/v1/imports'];
  const texts: string[] = [];
  for (const path of paths) {
    const listing = await call(ownerB, path);
    expect(listing.status, path).toBe(200);
    texts.push(listing.text);
  }
  return texts.join('\n');
}

beforeAll(async () => {
  stack = await startTestStack([A, B]);
  // Every export is queued (one row is over the direct limit), so A has a background export job.
  Object.assign(process.env, stack.env, { EXPORT_DIRECT_MAX_ROWS: '1', CACHE_INVALIDATION_LISTEN: 'false', RATE_LIMIT_SESSION_PER_MINUTE: '1000000', RATE_LIMIT_IP_PER_MINUTE: '1000000' });
  resetEnvForTests();
  resetRateLimitersForTests();
  ownerA = await sessionFor(stack.databaseUrl, 'owner-a.by-id@example.com', A.merchantId, 'owner');
  ownerB = await sessionFor(stack.databaseUrl, 'owner-b.by-id@example.com', B.merchantId, 'owner');

  // A's resources, each created through its route as A (the fired alert as the pipeline records it).
  const created = async (path: string, body: unknown) => {
    const { status, body: answer } = await call(ownerA, path, { method: 'POST', body });
    expect(status, path).toBe(200);
    return answer.data as Record<string, string>;
  };
  const rule = await created('/api/v1/alerts', { name: 'No orders 3h', type: 'no_orders', threshold: 3 });
  ids.rule = rule.id as string;
  ids.segment = (await created('/api/v1/segments', { name: 'Repeat buyers', filters: { minOrders: 1 } })).id as string;
  ids.campaign = (await created('/api/v1/campaigns', { name: 'Recovery', rules: RULES })).id as string;
  const job = await created('/api/v1/exports', { table: 'segment_members', format: 'csv', segmentId: ids.segment });
  expect(job.status).toBe('queued');
  ids.exportJob = job.jobId as string;
  const db = createDatabase(stack.databaseUrl, { maxConnections: 2 });
  try {
    await seedFiredAlert(db, { id: ids.rule, name: 'No orders 3h', threshold: 3 }, A.merchantId, new Date('2026-03-04T11:00:00Z'));
    const file = await saveExportFile(db, {
      merchantId: A.merchantId,
      tableName: 'products',
      format: 'csv',
      fileName: 'products.csv',
      contentType: 'text/csv; charset=utf-8',
      content: Buffer.from('\uFEFFA’s products\r\n'),
      rowCount: 1,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    ids.exportFile = file.id;
    ids.exportLink = signedDownloadUrl(A.merchantId, file.id).url;
  } finally {
    await db.$disconnect();
  }
  const notifications = (await call(ownerA, '/api/v1/notifications')).body.data as Array<{ id: string }>;
  expect(notifications).toHaveLength(1);
  ids.notification = notifications[0]?.id as string;
  const form = new FormData();
  form.set('file', new File([CSV], 'orders.csv'));
  const post = (await routeModule('/api/v1/imports')).POST as (request: Request) => Promise<Response>;
  const upload = await post(new Request(`${ORIGIN}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie: ownerA, origin: ORIGIN } }));
  expect(upload.status).toBe(200);
  ids.upload = ((await upload.json()) as { data: { uploadId: string } }).data.uploadId;
}, 300_000);

afterAll(async () => {
  await closeContext();
  await stack?.stop();
});

describe('routes that take a resource id', () => {
  it('are all in the table (generated from the catalog: a new id parameter fails here until it is probed)', () => {
    expect(CATALOGUED.length).toBeGreaterThanOrEqual(14);
    expect([...CATALOGUED].sort()).toEqual(Object.keys(PROBES).sort());
  });

  it('A’s resources are readable by A (so a refusal to B means something)', async () => {
    const state = await stateOfA();
    for (const name of ['alerts', 'history', 'notifications', 'segments', 'members', 'campaigns', 'exportJob', 'exports', 'upload', 'uploads', 'download']) {
      expect(String(state[name]), name).toMatch(/^200 /);
    }
    expect(String(state.download)).toContain('A’s products');
    for (const id of [ids.rule, ids.segment, ids.campaign, ids.notification]) expect(JSON.stringify(state)).toContain(id);
  });

  it.each(Object.entries(PROBES))('%s: B’s session with A’s id is refused and changes nothing of A', async (key, probes) => {
    const [method, path] = key.split(' ') as [NonNullable<CallOptions['method']>, string];
    const before = await stateOfA();
    for (const probe of probes) {
      const { path: probePath, ...options } = probe.call(ids);
      const answer = await call(ownerB, probePath ?? path, { method, ...options });
      if (probe.empty === undefined) {
        expect(answer.status, key).toBe(404);
        expect(answer.body.error, key).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/\S/) });
        expect(answer.body.data, key).toBeUndefined();
      } else {
        expect(answer.status, key).toBe(200);
        expect(answer.body.data, key).toEqual(probe.empty);
      }
      // Nothing of A comes back: no id, no name, no file content.
      expect(answer.text, key).not.toMatch(/No orders 3h|Repeat buyers|Recovery|A’s products/);
      for (const id of Object.values(ids)) expect(answer.text, key).not.toContain(id);
    }
    expect(await stateOfA(), key).toEqual(before);
    const listings = await listingsOfB();
    for (const id of [ids.rule, ids.notification, ids.segment, ids.campaign, ids.exportJob, ids.exportFile, ids.upload]) expect(listings, key).not.toContain(id);
  });
});
