import {
  EXPORT_JOB_TYPE,
  type ExportSpec,
  FILE_IMPORT_JOB_TYPE,
  IMPORT_MAX_ROWS,
  localDateRangeToPeriod,
  readTableFile,
  suggestImportMapping,
} from '@salla-analytics/core-library';
import {
  createImportUpload,
  deleteExpiredFiles,
  enqueueJob,
  getExportFile,
  getJob,
  type Job,
  saveExportFile,
  startImportUpload,
  upsertMerchant,
} from '@salla-analytics/database-schema';
import { BatchWriter, ClickHouseAnalyticsRepository, createAnalyticsClient } from '@salla-analytics/olap-repository';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileJobWorker } from '../src/automation/files/file-job-worker.js';
import { type Engines, startEngines } from './support/harness.js';
import { storedNumbers } from './support/salla-history.js';

const M = 960_001;
const OTHER = 960_002;
const MARCH = localDateRangeToPeriod('2026-03-01', '2026-03-31', 'Asia/Riyadh');
const NOW = new Date('2026-04-02T00:00:00Z');

let engines: Engines;
let writer: BatchWriter;
let analytics: ReturnType<typeof createAnalyticsClient>;
let repository: ClickHouseAnalyticsRepository;

beforeAll(async () => {
  engines = await startEngines();
  analytics = createAnalyticsClient({ url: engines.ch.url, database: engines.ch.database });
  repository = new ClickHouseAnalyticsRepository(analytics);
  writer = new BatchWriter({ client: analytics, database: engines.ch.database, maxRows: 2_000, maxDelayMs: 20 });
  await upsertMerchant(engines.db, { id: M, name: 'متجر الاستيراد' });
  await upsertMerchant(engines.db, { id: OTHER, name: 'Other store' });
}, 300_000);

afterAll(async () => {
  await writer?.close();
  await analytics?.close();
  await engines?.stop();
});

function worker(hooks: ConstructorParameters<typeof FileJobWorker>[0]['importHooks'] = {}) {
  return new FileJobWorker({
    db: engines.db,
    writer,
    analytics,
    logger: pino({ level: 'silent' }),
    concurrency: 1,
    leaseMs: 30_000,
    pollIntervalMs: 60_000,
    maxAttempts: 5,
    exportTtlMs: 3_600_000,
    importHooks: hooks,
  });
}

/** Runs every due file job once (the worker's own loop, one pass); stops its timer. */
async function runDue(w: FileJobWorker): Promise<void> {
  await w.poll();
  await w.stop();
}

interface Truth {
  orders: number;
  grossMinor: number;
  canceled: number;
  refunded: number;
  /** Gross minus canceled and refunded orders' totals. */
  netMinor: number;
  items: number;
  customers: number;
}

/**
 * A Shopify-style export: 1,203 orders in March 2026 (Riyadh), one row per line item (order fields
 * on the first row only), statuses paid/refunded/cancelled/pending, and 4 bad orders (6 rows).
 */
function shopifyFile(): { csv: string; truth: Truth; badRows: Array<[number, string, string]> } {
  const lines = ['Name,Email,Financial Status,Created at,Currency,Subtotal,Shipping,Taxes,Total,Payment Method,Billing City,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku'];
  const truth: Truth = { orders: 0, grossMinor: 0, canceled: 0, refunded: 0, netMinor: 0, items: 0, customers: 0 };
  const statuses = ['paid', 'paid', 'paid', 'refunded', 'cancelled', 'pending'];
  const customers = new Set<string>();
  for (let n = 1; n <= 1_203; n++) {
    const status = statuses[n % statuses.length] as string;
    const day = 1 + (n % 31);
    const hour = n % 24;
    const email = `c${n % 400}@example.sa`;
    const qty = 1 + (n % 3);
    const priceMinor = 1_999 + ((n * 37) % 5_000);
    const second = n % 2 === 0;
    const totalMinor = qty * priceMinor + (second ? 1_050 : 0) + 2_500;
    const date = `2026-03-${String(day).padStart(2, '0')} ${String(hour).padStart(2, '0')}:15:00 +0300`;
    const money = (minor: number) => (minor / 100).toFixed(2);
    lines.push(`#${n},${email},${status},${date},SAR,${money(totalMinor - 2_500)},25.00,0,${money(totalMinor)},mada,الرياض,${qty},عطر ${n % 50},${money(priceMinor)},SKU-${n % 50}`);
    if (second) lines.push(`#${n},,,,,,,,,,,1,بخور,10.50,BK-1`);
    truth.orders++;
    truth.grossMinor += totalMinor;
    if (status !== 'refunded' && status !== 'cancelled') truth.netMinor += totalMinor;
    truth.items += second ? 2 : 1;
    if (status === 'refunded') truth.refunded++;
    if (status === 'cancelled') truth.canceled++;
    customers.add(email);
  }
  truth.customers = customers.size;
  // Bad orders: a date nobody can read, a total that is not an amount, an unknown status, a zero quantity on its second line.
  const start = lines.length + 1;
  lines.push('#9001,x@example.sa,paid,31/03/2026,SAR,10,0,0,10.00,mada,جدة,1,عطر,10.00,SKU-1');
  lines.push('#9002,x@example.sa,paid,2026-03-05 10:00:00 +0300,SAR,10,0,0,ten,mada,جدة,1,عطر,10.00,SKU-1');
  lines.push('#9003,x@example.sa,on hold,2026-03-05 10:00:00 +0300,SAR,10,0,0,10.00,mada,جدة,1,عطر,10.00,SKU-1');
  lines.push('#9004,x@example.sa,paid,2026-03-05 10:00:00 +0300,SAR,10,0,0,20.00,mada,جدة,1,عطر,10.00,SKU-1');
  lines.push('#9004,,,,,,,,,,,0,بخور,10.00,BK-1');
  lines.push(',x@example.sa,paid,2026-03-05 10:00:00 +0300,SAR,10,0,0,10.00,mada,جدة,1,عطر,10.00,SKU-1');
  const badRows: Array<[number, string, string]> = [
    [start, 'Created at', 'invalid_date'],
    [start + 1, 'Total', 'invalid_amount'],
    [start + 2, 'Financial Status', 'unknown_status'],
    [start + 3, '', 'order_rejected'],
    [start + 4, 'Lineitem quantity', 'invalid_quantity'],
    [start + 5, 'Name', 'required'],
  ];
  return { csv: `\uFEFF${lines.join('\r\n')}\r\n`, truth, badRows };
}

async function upload(merchantId: number, csv: string, createdAt = NOW) {
  const content = Buffer.from(csv, 'utf8');
  const table = await readTableFile(content, 'csv');
  const row = await createImportUpload(engines.db, {
    merchantId,
    fileName: 'orders_export.csv',
    format: 'csv',
    content,
    rowCount: table.rows.length,
    source: 'shopify',
    headers: table.headers,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  // The preview's clock: validation (future dates) is judged at upload time, in the job too.
  await engines.db.importUpload.update({ where: { id: row.id }, data: { createdAt } });
  const { job } = await startImportUpload(engines.db, { merchantId, id: row.id, mapping: suggestImportMapping(table.headers), jobType: FILE_IMPORT_JOB_TYPE, rowCount: table.rows.length });
  return { upload: row, job };
}

async function orderStates(merchantId: number): Promise<number> {
  return engines.db.orderState.count({ where: { merchantId: BigInt(merchantId) } });
}

describe('order-history file import job', () => {
  const file = shopifyFile();

  it('rejects exactly the bad rows with their reasons before anything is imported', async () => {
    const { validateOrderRows } = await import('@salla-analytics/core-library');
    const table = await readTableFile(Buffer.from(file.csv), 'csv');
    const result = validateOrderRows(table, suggestImportMapping(table.headers), { timeZone: 'Asia/Riyadh', defaultCurrency: 'SAR', now: NOW });
    expect(result.errors.map((e) => [e.row, e.column, e.code])).toEqual(file.badRows);
    expect(result.orders).toHaveLength(file.truth.orders);
    // Four orders are rejected; the row without an order number belongs to none.
    expect(result.rejectedOrders).toBe(4);
    expect(result.totalsMinor).toEqual({ SAR: file.truth.grossMinor });
  });

  it('survives a crash mid-job and imports every valid order once; the overview shows the file totals', async () => {
    const { job } = await upload(M, file.csv);
    // First run: the worker "dies" right after ClickHouse committed the second chunk, before its checkpoint.
    let crashes = 0;
    await runDue(
      worker({
        chunkSize: 400,
        afterChunkCommitted: (done) => {
          if (done === 800 && crashes++ === 0) throw new Error('simulated crash after commit');
        },
      }),
    );
    const crashed = (await getJob(engines.db, { merchantId: M, id: job.id })) as Job;
    expect(crashed).toMatchObject({ status: 'queued', attempts: 1, progressDone: 400 });
    // Its retry resumes from the checkpoint (orders 400..) and re-writes the committed chunk: nothing twice.
    await engines.db.job.update({ where: { id: job.id }, data: { runAt: new Date() } });
    await runDue(worker({ chunkSize: 400 }));
    const finished = (await getJob(engines.db, { merchantId: M, id: job.id })) as Job;
    expect(finished).toMatchObject({ status: 'succeeded', attempts: 2, progressDone: file.truth.orders, progressTotal: file.truth.orders });
    expect(finished.checkpoint).toMatchObject({ done: file.truth.orders, orders: file.truth.orders, rejectedOrders: 4, rejectedRows: 6 });

    const stored = await storedNumbers(engines.ch, M);
    expect(stored).toMatchObject({ orders: file.truth.orders, distinctOrders: file.truth.orders, grossMinor: file.truth.grossMinor, canceled: file.truth.canceled, items: file.truth.items, customers: file.truth.customers });
    expect(await orderStates(M)).toBe(file.truth.orders);
    const overview = await repository.getRevenueOverview({ merchantId: M, period: MARCH });
    expect(overview.metrics.orders.value).toBe(file.truth.orders);
    expect(overview.metrics.grossSales.value).toBe(file.truth.grossMinor);
    expect(overview.metrics.netSales.value).toBe(file.truth.netMinor);
    expect(overview.metrics.canceledOrders.value).toBe(file.truth.canceled);
    expect(overview.metrics.refundedOrders.value).toBe(file.truth.refunded);
    expect(overview.metrics.uniqueCustomers.value).toBe(file.truth.customers);
  });

  it('imports nothing twice: the same job run again, a duplicate start, the same file uploaded again', async () => {
    const before = await storedNumbers(engines.ch, M);
    const keys = await engines.db.importKey.count({ where: { merchantId: BigInt(M) } });
    const [first] = await engines.db.importUpload.findMany({ where: { merchantId: BigInt(M) }, orderBy: { createdAt: 'asc' } });
    // A duplicate start of the same upload returns its job; nothing new is queued.
    const again = await startImportUpload(engines.db, { merchantId: M, id: first!.id, mapping: first!.mapping as Record<string, number>, jobType: FILE_IMPORT_JOB_TYPE, rowCount: 1 });
    expect(again.started).toBe(false);
    // The finished job triggered once more (a duplicate delivery of the trigger), from the start.
    await engines.db.job.update({ where: { id: again.job.id }, data: { status: 'queued', runAt: new Date(), checkpoint: { uploadId: first!.id, done: 0 } } });
    await runDue(worker());
    // The same file uploaded again: a new upload and job, the same stable keys.
    const second = await upload(M, file.csv);
    await runDue(worker());
    expect(await getJob(engines.db, { merchantId: M, id: second.job.id })).toMatchObject({ status: 'succeeded' });
    expect(await storedNumbers(engines.ch, M)).toEqual(before);
    expect(await orderStates(M)).toBe(file.truth.orders);
    expect(await engines.db.importKey.count({ where: { merchantId: BigInt(M) } })).toBe(keys);
    // The other store saw nothing.
    expect((await storedNumbers(engines.ch, OTHER)).orders).toBe(0);
  });
});

describe('order-history file import at the size limit', () => {
  it('imports a file of IMPORT_MAX_ROWS (20,000) rows exactly', async () => {
    const M2 = 960_003;
    await upsertMerchant(engines.db, { id: M2, name: 'Big file store' });
    const lines = ['Order ID,Order Date,Status,Total,Currency,Customer Email,City'];
    let grossMinor = 0;
    for (let n = 1; n <= IMPORT_MAX_ROWS; n++) {
      const totalMinor = 1_000 + ((n * 7_919) % 90_000);
      grossMinor += totalMinor;
      const day = String(1 + (n % 28)).padStart(2, '0');
      lines.push(`${n},2026-02-${day} ${String(n % 24).padStart(2, '0')}:00:00,completed,${(totalMinor / 100).toFixed(2)},SAR,c${n % 3_000}@example.sa,Riyadh`);
    }
    const started = performance.now();
    const { job } = await upload(M2, `${lines.join('\n')}\n`);
    await runDue(worker());
    const seconds = (performance.now() - started) / 1000;
    expect(await getJob(engines.db, { merchantId: M2, id: job.id })).toMatchObject({ status: 'succeeded', progressDone: IMPORT_MAX_ROWS });
    const stored = await storedNumbers(engines.ch, M2);
    expect(stored).toMatchObject({ orders: IMPORT_MAX_ROWS, distinctOrders: IMPORT_MAX_ROWS, grossMinor, customers: 3_000 });
    console.info(`imported ${IMPORT_MAX_ROWS} orders in ${seconds.toFixed(1)} s (${Math.round(IMPORT_MAX_ROWS / seconds)} orders/s)`);
  }, 300_000);
});

describe('background export job', () => {
  const spec = (table: ExportSpec['table'], format: ExportSpec['format'], filters: ExportSpec['filters'] = {}): ExportSpec => ({
    table,
    format,
    locale: 'ar',
    filters,
    period: { from: MARCH.from, to: MARCH.to, fromDate: MARCH.fromDate, toDate: MARCH.toDate, timeZone: MARCH.timeZone, preset: 'custom' },
    currency: 'SAR',
    storeName: 'متجر الاستيراد',
  });

  async function exportJob(s: ExportSpec) {
    const { job } = await enqueueJob(engines.db, { type: EXPORT_JOB_TYPE, merchantId: M, checkpoint: { spec: JSON.parse(JSON.stringify(s)) } });
    const w = new FileJobWorker({ db: engines.db, writer, analytics, logger: pino({ level: 'silent' }), concurrency: 1, leaseMs: 30_000, pollIntervalMs: 60_000, maxAttempts: 3, exportTtlMs: 3_600_000 });
    await runDue(w);
    const done = (await getJob(engines.db, { merchantId: M, id: job.id })) as Job;
    expect(done.status).toBe('succeeded');
    const file = await engines.db.exportFile.findUniqueOrThrow({ where: { jobId: job.id } });
    return { job: done, file };
  }

  it('exports the products view row for row as CSV (BOM, Arabic headers, SAR decimals)', async () => {
    const { file, job } = await exportJob(spec('products', 'csv', { sortBy: 'quantity' }));
    const expected = await repository.getTopProducts({ merchantId: M, period: MARCH, limit: 1_000, sortBy: 'quantity' });
    expect(expected.length).toBeGreaterThan(40);
    const bytes = Buffer.from(file.content);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = await readTableFile(bytes, 'csv');
    expect(table.headers).toEqual(['الترتيب', 'رقم المنتج', 'المنتج', 'رمز المنتج (SKU)', 'الكمية المباعة', 'الطلبات', 'الإيرادات']);
    expect(table.rows).toEqual(
      expected.map((p, i) => [String(i + 1), String(p.productId), p.name, p.sku, String(p.quantity), String(p.orders), (p.revenueMinor / 100).toFixed(2)]),
    );
    expect(file).toMatchObject({ rowCount: expected.length, fileName: 'products_2026-03-01_2026-03-31.csv', contentType: 'text/csv; charset=utf-8' });
    expect(job).toMatchObject({ progressDone: expected.length, progressTotal: expected.length });
  });

  it('exports RFM members as XLSX, every member once, as the repository pages them', async () => {
    const { file } = await exportJob(spec('rfm_members', 'xlsx'));
    const expected = await repository.getRfmCustomers({ merchantId: M, asOf: MARCH.to, limit: 10_000 });
    expect(expected).toHaveLength(file.rowCount);
    const table = await readTableFile(Buffer.from(file.content), 'xlsx');
    expect(table.rows.map((row) => [Number(row[0]), row[1], Number(row[4])])).toEqual(expected.map((c) => [c.customerId, c.segment, c.monetaryMinor / 100]));
  });

  it('keeps files per merchant, refuses expired ones and deletes them', async () => {
    const live = await saveExportFile(engines.db, { merchantId: M, tableName: 'carts', format: 'csv', fileName: 'a.csv', contentType: 'text/csv', content: Buffer.from('x'), rowCount: 1, expiresAt: new Date(Date.now() + 60_000) });
    const expired = await saveExportFile(engines.db, { merchantId: M, tableName: 'carts', format: 'csv', fileName: 'b.csv', contentType: 'text/csv', content: Buffer.from('y'), rowCount: 1, expiresAt: new Date(Date.now() - 1) });
    expect(await getExportFile(engines.db, { merchantId: M, id: live.id })).not.toBeNull();
    expect(await getExportFile(engines.db, { merchantId: OTHER, id: live.id })).toBeNull();
    expect(await getExportFile(engines.db, { merchantId: M, id: expired.id })).toBeNull();
    const removed = await deleteExpiredFiles(engines.db);
    expect(removed.exports).toBe(1);
    expect(await engines.db.exportFile.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await engines.db.exportFile.findUnique({ where: { id: live.id } })).not.toBeNull();
  });
});
