import {
  EXPORT_JOB_TYPE,
  exportSpecSchema,
  localDateRangeToPeriod,
  readTableFile,
  renderExportFile,
  type TableRow,
  toLocalDateTime,
} from '@salla-analytics/core-library';
import { claimNextJob, completeJob, createDatabase, type Database, saveExportFile } from '@salla-analytics/database-schema';
import { ClickHouseAnalyticsRepository, createAnalyticsClient, exportTableRows } from '@salla-analytics/olap-repository';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '../src/env';
import { closeContext } from '../src/server/context';
import { signedDownloadUrl } from '../src/server/files/export-links';
import { resetRateLimitersForTests } from '../src/server/security/rate-limit';
import { callRoute, ORIGIN, routeModule } from './support/call-route';
import { sessionFor } from './support/sessions';
import { startTestStack, type StoreSpec, type TestStack } from './support/test-stack';

const A: StoreSpec = { merchantId: 950_001, name: 'متجر التصدير', seed: 31, months: 3, ordersPerMonth: 150 };
const B: StoreSpec = { merchantId: 950_002, name: 'Other store', seed: 32, months: 3, ordersPerMonth: 60 };
const RANGE = { preset: 'custom', from: '2026-01-01', to: '2026-03-31' } as const;
const PERIOD = localDateRangeToPeriod(RANGE.from, RANGE.to, 'Asia/Riyadh');

let stack: TestStack;
let db: Database;
let repository: ClickHouseAnalyticsRepository;
let analytics: ReturnType<typeof createAnalyticsClient>;
let ownerA: string;
let viewerA: string;
let ownerB: string;

type Envelope<T = Record<string, unknown>> = { data: T; meta: Record<string, unknown>; error?: { code: string; message: string } };

beforeAll(async () => {
  stack = await startTestStack([A, B], { endDate: new Date('2026-03-31T20:00:00Z') });
  Object.assign(process.env, stack.env, {
    CACHE_INVALIDATION_LISTEN: 'false',
    EXPORT_DIRECT_MAX_ROWS: '150',
    RATE_LIMIT_SESSION_PER_MINUTE: '100000',
    RATE_LIMIT_IP_PER_MINUTE: '100000',
  });
  resetEnvForTests();
  resetRateLimitersForTests();
  db = createDatabase(stack.databaseUrl, { maxConnections: 2 });
  analytics = createAnalyticsClient({ url: stack.clickhouseUrl, database: stack.clickhouseDatabase });
  repository = new ClickHouseAnalyticsRepository(analytics);
  ownerA = await sessionFor(stack.databaseUrl, 'owner@files-a.example', A.merchantId, 'owner');
  viewerA = await sessionFor(stack.databaseUrl, 'viewer@files-a.example', A.merchantId, 'viewer');
  ownerB = await sessionFor(stack.databaseUrl, 'owner@files-b.example', B.merchantId, 'owner');
}, 300_000);

afterAll(async () => {
  await db?.$disconnect();
  await analytics?.close();
  await closeContext();
  await stack?.stop();
});

const post = (path: string, cookie: string, body: unknown) => callRoute(path, { method: 'POST', cookie, headers: { origin: ORIGIN }, body });

async function download(url: string, cookie: string): Promise<Response> {
  return callRoute('/api/v1/exports', { query: url.split('?')[1] ?? '', cookie });
}

describe('exports', () => {
  it('a small export is written at once; its link downloads the view row for row (CSV, BOM, SAR decimals)', async () => {
    const response = await post('/api/v1/exports', ownerA, { table: 'products', format: 'csv', locale: 'ar', sortBy: 'quantity', ...RANGE });
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as Envelope<{ status: string; downloadUrl: string; rows: number; fileName: string }>;
    expect(data).toMatchObject({ status: 'succeeded', fileName: 'products_2026-01-01_2026-03-31.csv' });
    const file = await download(data.downloadUrl, ownerA);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(file.headers.get('content-disposition')).toContain('attachment; filename="products_2026-01-01_2026-03-31.csv"');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = await readTableFile(bytes, 'csv');
    const expected = await repository.getTopProducts({ merchantId: A.merchantId, period: PERIOD, limit: 1_000, sortBy: 'quantity' });
    expect(data.rows).toBe(expected.length);
    expect(table.headers[2]).toBe('المنتج');
    expect(table.rows).toEqual(expected.map((p, i) => [String(i + 1), String(p.productId), p.name, p.sku, String(p.quantity), String(p.orders), (p.revenueMinor / 100).toFixed(2)]));
  });

  it('exports the sales breakdown by city as XLSX with English headers, equal to the repository', async () => {
    const { data } = (await (await post('/api/v1/exports', ownerA, { table: 'sales_breakdown', format: 'xlsx', locale: 'en', dimension: 'city', ...RANGE })).json()) as Envelope<{ downloadUrl: string }>;
    const file = await download(data.downloadUrl, ownerA);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const table = await readTableFile(Buffer.from(await file.arrayBuffer()), 'xlsx');
    const expected = await repository.getSalesByDimension({ merchantId: A.merchantId, period: PERIOD, dimension: 'city', limit: 1_000 });
    expect(table.headers).toEqual(['Value', 'Orders', 'Gross sales', 'Net sales', 'Canceled orders', 'Share of net sales (%)']);
    expect(table.rows.map((r) => [r[0], Number(r[1]), Number(r[2]), Number(r[3])])).toEqual(expected.map((b) => [b.key, b.orders, b.grossSalesMinor / 100, b.netSalesMinor / 100]));
  });

  it('a large export is queued for the pipeline, reports progress, then gives a link to its file', async () => {
    const response = await post('/api/v1/exports', viewerA, { table: 'rfm_members', format: 'csv', locale: 'ar', ...RANGE });
    const { data } = (await response.json()) as Envelope<{ status: string; jobId: string; total: number }>;
    const members = await repository.getRfmCustomers({ merchantId: A.merchantId, asOf: PERIOD.to, limit: 10_000 });
    expect(members.length).toBeGreaterThan(150);
    expect(data).toMatchObject({ status: 'queued', total: members.length });
    const queued = (await (await callRoute('/api/v1/exports', { query: { id: data.jobId }, cookie: viewerA })).json()) as Envelope<{ status: string; downloadUrl: string | null }>;
    expect(queued.data).toMatchObject({ status: 'queued', downloadUrl: null });
    // Another store never sees it.
    expect((await callRoute('/api/v1/exports', { query: { id: data.jobId }, cookie: ownerB })).status).toBe(404);

    // The pipeline's worker (data-pipeline-service FileJobWorker, tested there) writes the file: its steps here.
    const job = await claimNextJob(db, { types: [EXPORT_JOB_TYPE], leaseMs: 60_000 });
    expect(job?.id).toBe(data.jobId);
    if (!job) throw new Error('no export job was queued');
    const spec = exportSpecSchema.parse((job.checkpoint as { spec?: unknown } | null)?.spec);
    const rows: TableRow[] = [];
    for await (const page of exportTableRows(repository, A.merchantId, spec)) rows.push(...page);
    const content = await renderExportFile(spec, rows);
    const expiresAt = new Date(Date.now() + 3_600_000);
    await saveExportFile(db, { merchantId: A.merchantId, jobId: job.id, tableName: spec.table, format: spec.format, fileName: 'rfm_members.csv', contentType: 'text/csv; charset=utf-8', content, rowCount: rows.length, expiresAt });
    await completeJob(db, job.id);

    const done = (await (await callRoute('/api/v1/exports', { query: { id: data.jobId }, cookie: viewerA })).json()) as Envelope<{ status: string; downloadUrl: string; rows: number }>;
    expect(done.data).toMatchObject({ status: 'succeeded', rows: members.length });
    const table = await readTableFile(Buffer.from(await (await download(done.data.downloadUrl, viewerA)).arrayBuffer()), 'csv');
    expect(table.rows.map((r) => Number(r[0]))).toEqual(members.map((m) => m.customerId));
    // The store's recent exports list it with a fresh link.
    const recent = (await (await callRoute('/api/v1/exports', { cookie: ownerA })).json()) as Envelope<Array<{ fileName: string }>>;
    expect(recent.data.map((f) => f.fileName)).toContain('rfm_members.csv');
  });

  it('exports custom segment members (every customer with a purchase) with last-order times in the store’s zone', async () => {
    const response = await post('/api/v1/exports', ownerA, { table: 'segment_members', format: 'xlsx', locale: 'ar' });
    const { data } = (await response.json()) as Envelope<{ status: string; downloadUrl: string | null; jobId: string | null; total: number }>;
    const expected = await repository.getSegmentMembers({ merchantId: A.merchantId, filters: {}, asOf: new Date(), limit: 10_000 });
    expect(data.total).toBe(expected.total);
    // More members than EXPORT_DIRECT_MAX_ROWS (150): queued; the worker's part is covered in the pipeline's tests.
    expect(data).toMatchObject({ status: 'queued', downloadUrl: null });
    const job = await db.job.findUniqueOrThrow({ where: { id: data.jobId as string } });
    const spec = exportSpecSchema.parse((job.checkpoint as { spec?: unknown } | null)?.spec);
    await db.job.update({ where: { id: job.id }, data: { status: 'canceled' } });
    const rows: TableRow[] = [];
    for await (const page of exportTableRows(repository, A.merchantId, spec)) rows.push(...page);
    const table = await readTableFile(await renderExportFile(spec, rows), 'xlsx');
    expect(table.headers).toEqual(['رقم العميل', 'الاسم', 'البريد الإلكتروني', 'المدينة', 'عدد الطلبات', 'الإنفاق', 'آخر طلب', 'شريحة RFM']);
    expect(table.rows.map((r) => [Number(r[0]), Number(r[5]), r[6]])).toEqual(
      expected.members.map((m) => [m.customerId, m.spendMinor / 100, toLocalDateTime(m.lastOrderAt, 'Asia/Riyadh')]),
    );
  });

  it('never serves one store’s file to another, nor an expired or forged link', async () => {
    const { data } = (await (await post('/api/v1/exports', ownerA, { table: 'carts', format: 'csv', ...RANGE })).json()) as Envelope<{ downloadUrl: string }>;
    const fileId = new URLSearchParams(data.downloadUrl.split('?')[1]).get('file') as string;
    // A's link with B's session: the signature names A, so B gets 404.
    const foreign = await download(data.downloadUrl, ownerB);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as Envelope).error?.code).toBe('NOT_FOUND');
    // B signing A's file id for itself: the file is A's, so still 404.
    expect((await download(signedDownloadUrl(B.merchantId, fileId).url, ownerB)).status).toBe(404);
    // Without a session: 401.
    expect((await download(data.downloadUrl, '')).status).toBe(401);
    // A forged signature: 404.
    expect((await download(data.downloadUrl.replace(/sig=[0-9a-f]{4}/, 'sig=0000'), ownerA)).status).toBe(404);
    // A link signed 16 minutes ago has expired (valid for 15): 403 with the reason.
    const old = await download(signedDownloadUrl(A.merchantId, fileId, Date.now() - 16 * 60_000).url, ownerA);
    expect(old.status).toBe(403);
    expect(((await old.json()) as Envelope).error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('expired') });
    // The carts export holds the period in the store's days.
    const csv = Buffer.from(await (await download(data.downloadUrl, ownerA)).arrayBuffer()).toString('utf8');
    expect(csv.split('\r\n')[1]?.startsWith('2026-01-01,2026-03-31,')).toBe(true);
  });

  it('refuses bad requests with a code', async () => {
    for (const body of [{ table: 'orders', format: 'csv' }, { table: 'products', format: 'pdf' }, { table: 'products', format: 'csv', merchantId: B.merchantId }, { table: 'products', format: 'csv', preset: 'custom' }]) {
      const response = await post('/api/v1/exports', ownerA, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as Envelope).error?.code).toBe('VALIDATION_FAILED');
    }
    expect((await callRoute('/api/v1/exports', { method: 'POST', cookie: ownerA, headers: { origin: 'https://evil.example' }, body: { table: 'products', format: 'csv' } })).status).toBe(403);
  });
});

const CSV = [
  'رقم الطلب,تاريخ الطلب,حالة الطلب,الإجمالي,العملة,اسم العميل,المدينة,البريد الإلكتروني',
  'Z-1,2026-03-01 10:00,تم التنفيذ,150.50,SAR,سارة,الرياض,sara@example.sa',
  'Z-2,2026-03-02 11:00,ملغي,80,SAR,علي,جدة,ali@example.sa',
  'Z-3,غدًا,تم التنفيذ,10,SAR,علي,جدة,ali@example.sa',
  'Z-4,2026-03-03 09:30,تم التنفيذ,-5,SAR,منى,الدمام,mona@example.sa',
].join('\n');

function upload(cookie: string, name: string, content: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.set('file', new File([content], name));
  return routeModule('/api/v1/imports').then((module) =>
    (module.POST as (request: Request) => Promise<Response>)(new Request(`${ORIGIN}/api/v1/imports`, { method: 'POST', body: form, headers: { cookie, origin: ORIGIN, ...headers } })),
  );
}

describe('order-history file import (upload, mapping, validation before import, job)', () => {
  let uploadId: string;
  let mapping: Record<string, number>;

  it('uploads a Zid-style Arabic CSV and suggests the mapping', async () => {
    const response = await upload(ownerA, 'zid-orders.csv', CSV);
    expect(response.status).toBe(200);
    const { data } = (await response.json()) as Envelope<{ uploadId: string; rowCount: number; source: string; suggestedMapping: Record<string, number>; sample: string[][] }>;
    expect(data).toMatchObject({ rowCount: 4, source: 'zid', suggestedMapping: { order_number: 0, order_date: 1, status: 2, total: 3, currency: 4, customer_name: 5, city: 6, customer_email: 7 } });
    expect(data.sample[0]?.[0]).toBe('Z-1');
    uploadId = data.uploadId;
    mapping = data.suggestedMapping;
  });

  it('shows every rejected row with its column and reason before importing', async () => {
    const response = await post('/api/v1/imports/preview', ownerA, { uploadId, mapping });
    const { data } = (await response.json()) as Envelope<{ validOrders: number; rejectedOrders: number; errors: Array<{ row: number; column: string; code: string; message: { ar: string; en: string } }>; totalsMinor: Record<string, number> }>;
    expect(data).toMatchObject({ validOrders: 2, rejectedOrders: 2, totalsMinor: { SAR: 23_050 } });
    expect(data.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'تاريخ الطلب', 'invalid_date'],
      [5, 'الإجمالي', 'negative_amount'],
    ]);
    expect(data.errors[1]?.message).toEqual({ ar: 'المبلغ سالب', en: 'The amount is negative' });
    // Nothing is imported by a preview.
    expect(await db.job.count({ where: { merchantId: BigInt(A.merchantId), type: 'import.orders_file' } })).toBe(0);
  });

  it('starts one import job however often it is started; only the store’s owner/admin may', async () => {
    expect((await post('/api/v1/imports/start', viewerA, { uploadId, mapping })).status).toBe(403);
    expect((await post('/api/v1/imports/start', ownerB, { uploadId, mapping })).status).toBe(404);
    const first = (await (await post('/api/v1/imports/start', ownerA, { uploadId, mapping })).json()) as Envelope<{ jobId: string; status: string; total: number }>;
    expect(first.meta.started).toBe(true);
    expect(first.data).toMatchObject({ status: 'queued', total: 2 });
    const again = (await (await post('/api/v1/imports/start', ownerA, { uploadId, mapping })).json()) as Envelope<{ jobId: string }>;
    expect(again.meta.started).toBe(false);
    expect(again.data.jobId).toBe(first.data.jobId);
    const status = (await (await callRoute('/api/v1/imports', { query: { id: uploadId }, cookie: viewerA })).json()) as Envelope<{ status: string; jobId: string }>;
    expect(status.data).toMatchObject({ status: 'queued', jobId: first.data.jobId });
    expect((await callRoute('/api/v1/imports', { query: { id: uploadId }, cookie: ownerB })).status).toBe(404);
  });

  it('refuses bad files and mappings with clear 4xx codes', async () => {
    const tooBig = await upload(ownerA, 'big.csv', new Uint8Array(5 * 1024 * 1024 + 1).fill(0x61));
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as Envelope).error?.code).toBe('PAYLOAD_TOO_LARGE');
    const tooManyRows = await upload(ownerA, 'rows.csv', `a,b\n${'1,2\n'.repeat(20_001)}`);
    expect(tooManyRows.status).toBe(413);
    expect(((await tooManyRows.json()) as Envelope).error?.message).toContain('20001 rows');
    const pdf = await upload(ownerA, 'orders.pdf', '%PDF-1.4');
    expect(pdf.status).toBe(415);
    expect((await upload(ownerA, 'empty.csv', 'a,b\n')).status).toBe(400);
    expect((await upload(viewerA, 'zid-orders.csv', CSV)).status).toBe(403);
    expect((await upload(ownerA, 'zid-orders.csv', CSV, { origin: 'https://evil.example' })).status).toBe(403);
    const missing = await post('/api/v1/imports/preview', ownerA, { uploadId, mapping: { order_number: 0, total: 3 } });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as Envelope).error?.message).toContain('Order date');
    expect((await post('/api/v1/imports/preview', ownerA, { uploadId, mapping: { ...mapping, city: 99 } })).status).toBe(400);
  });
});
