import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localDateRangeToPeriod, readTableFile } from '@salla-analytics/core-library';
import { ClickHouseAnalyticsRepository, createAnalyticsClient } from '@salla-analytics/olap-repository';
import { expect, test } from '@playwright/test';
import { demoLogin as login, settled, watchErrors } from './support/pages';
import { e2eStack, inheritedEnv } from './support/e2e-env';
import getPort from 'get-port';

const BASE = () => e2eStack().baseUrl;
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const PIPELINE = join(import.meta.dirname, '..', '..', '..', 'services', 'data-pipeline-service', 'dist', 'bin', 'server.js');
const DEMO = 900_001;
const demoLogin = (page: Parameters<typeof login>[0]) => login(page, BASE(), 'ar');

function repository() {
  const client = createAnalyticsClient({ url: e2eStack().clickhouseUrl, database: e2eStack().clickhouseDatabase });
  return { client, repository: new ClickHouseAnalyticsRepository(client) };
}

// The pipeline's worker process (background exports, file imports) on the suite's engines.
let pipeline: ChildProcess | null = null;
const pipelineLog: string[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  const port = await getPort();
  pipeline = spawn(process.execPath, [PIPELINE], {
    env: {
      ...inheritedEnv(),
      NODE_ENV: 'production',
      DATABASE_URL: e2eStack().databaseUrl,
      CLICKHOUSE_URL: e2eStack().clickhouseUrl,
      CLICKHOUSE_DATABASE: e2eStack().clickhouseDatabase,
      SALLA_WEBHOOK_SECRET: 'e2e-webhook-secret-0123456789',
      PIPELINE_ROLE: 'worker',
      PIPELINE_PORT: String(port),
      BACKFILL_CONCURRENCY: '0',
      BACKFILL_POLL_INTERVAL_MS: '200',
      FILE_JOB_CONCURRENCY: '1',
      BATCH_MAX_DELAY_MS: '50',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  pipeline.stdout?.on('data', (chunk: Buffer) => pipelineLog.push(chunk.toString()));
  pipeline.stderr?.on('data', (chunk: Buffer) => pipelineLog.push(chunk.toString()));
  // A worker that cannot start says so at once.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  if (pipeline.exitCode !== null) throw new Error(`the pipeline worker exited (${pipeline.exitCode}):\n${pipelineLog.join('')}`);
});

test.afterAll(async () => {
  if (pipeline && pipeline.exitCode === null) {
    const exited = new Promise((resolve) => pipeline?.once('exit', resolve));
    pipeline.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (pipeline.exitCode === null) pipeline.kill('SIGKILL');
  }
});

test('in Arabic: export the products table as CSV — the file is the view’s rows, Arabic headers, SAR decimals', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page);
  await page.goto(`${BASE()}/products?preset=custom&from=2026-06-01&to=2026-08-31&compare=none&sortBy=quantity`);
  await settled(page);
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, 'export-products-ar.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-products-csv').click()]);
  expect(download.suggestedFilename()).toBe('products_2026-06-01_2026-08-31.csv');
  const bytes = readFileSync((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const table = await readTableFile(bytes, 'csv');
  expect(table.headers).toEqual(['الترتيب', 'رقم المنتج', 'المنتج', 'رمز المنتج (SKU)', 'الكمية المباعة', 'الطلبات', 'الإيرادات']);
  const { client, repository: repo } = repository();
  try {
    const expected = await repo.getTopProducts({ merchantId: DEMO, period: localDateRangeToPeriod('2026-06-01', '2026-08-31', 'Asia/Riyadh'), limit: 1_000, sortBy: 'quantity' });
    expect(expected.length).toBeGreaterThan(10);
    expect(table.rows).toEqual(expected.map((p, i) => [String(i + 1), String(p.productId), p.name, p.sku, String(p.quantity), String(p.orders), (p.revenueMinor / 100).toFixed(2)]));
  } finally {
    await client.close();
  }
  expect(errors).toEqual([]);
});

test('in Arabic: a large export (RFM members, Excel) runs in the background with progress, then downloads', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page);
  await page.goto(`${BASE()}/customers?preset=custom&from=2026-01-01&to=2026-08-31&compare=none`);
  await settled(page);
  await page.getByTestId('export-rfm_members-xlsx').click();
  const status = page.getByTestId('export-rfm_members-status');
  await expect(status).toBeVisible();
  await expect(status).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(status).toContainText('الملف جاهز');
  mkdirSync(SHOTS, { recursive: true });
  await page.getByTestId('export-rfm_members').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SHOTS, 'export-background-ar.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-rfm_members-download').click()]);
  expect(download.suggestedFilename()).toBe('rfm_members_2026-01-01_2026-08-31.xlsx');
  const table = await readTableFile(readFileSync((await download.path()) as string), 'xlsx');
  const { client, repository: repo } = repository();
  try {
    const members = await repo.getRfmCustomers({ merchantId: DEMO, asOf: localDateRangeToPeriod('2026-01-01', '2026-08-31', 'Asia/Riyadh').to, limit: 10_000 });
    expect(members.length).toBeGreaterThan(500);
    expect(table.headers[0]).toBe('رقم العميل');
    expect(table.rows.map((r) => Number(r[0]))).toEqual(members.map((m) => m.customerId));
  } finally {
    await client.close();
  }
  expect(errors).toEqual([]);
});

const ORDERS_CSV = [
  'رقم الطلب,تاريخ الطلب,حالة الطلب,الإجمالي,العملة,اسم العميل,المدينة,البريد الإلكتروني,اسم المنتج,الكمية,سعر الوحدة',
  'Z-101,2024-05-01 10:00,تم التنفيذ,150.50,SAR,سارة,الرياض,sara@example.sa,عود ملكي,1,150.50',
  'Z-102,2024-05-02 11:00,ملغي,80,SAR,علي,جدة,ali@example.sa,بخور,2,40',
  'Z-103,أمس,تم التنفيذ,10,SAR,علي,جدة,ali@example.sa,بخور,1,10',
  'Z-104,2024-05-03 09:30,تم التنفيذ,-5,SAR,منى,الدمام,mona@example.sa,مسك,1,5',
].join('\n');

test('in Arabic: import an order file — mapping suggested, rejected rows shown first, then imported once into the dashboard', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page);
  await page.goto(`${BASE()}/settings`);
  await settled(page);
  const card = page.getByTestId('order-file-import');
  await expect(card).toContainText('استيراد الطلبات من ملف');
  await page.getByTestId('import-file').setInputFiles({ name: 'zid-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS_CSV, 'utf8') });
  // Suggested from the Arabic headers.
  await expect(page.getByTestId('map-order_number')).toHaveValue('0');
  await expect(page.getByTestId('map-order_date')).toHaveValue('1');
  await expect(page.getByTestId('map-total')).toHaveValue('3');
  await expect(page.getByTestId('map-item_price')).toHaveValue('10');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-summary')).toContainText('2 طلب جاهز للاستيراد، 2 طلب مرفوض');
  const rows = page.getByTestId('import-errors').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('4');
  await expect(rows.nth(0)).toContainText('تاريخ الطلب');
  await expect(rows.nth(0)).toContainText('ليس تاريخًا مفهومًا');
  await expect(rows.nth(1)).toContainText('الإجمالي');
  await expect(rows.nth(1)).toContainText('المبلغ سالب');
  mkdirSync(SHOTS, { recursive: true });
  await card.screenshot({ path: join(SHOTS, 'import-preview-ar.png') });
  await page.getByTestId('import-start').click();
  const status = page.getByTestId('import-status');
  await expect(status).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(status).toContainText('اكتمل الاستيراد');
  await card.screenshot({ path: join(SHOTS, 'import-done-ar.png') });

  // The overview of those days shows exactly the imported orders (none of the demo store's are that old).
  await page.goto(`${BASE()}/?preset=custom&from=2024-05-01&to=2024-05-03&compare=none`);
  await settled(page);
  await expect(page.locator('[data-metric="orders"]')).toHaveAttribute('data-value', '2');
  await expect(page.locator('[data-metric="grossSales"]')).toHaveAttribute('data-value', '23050');
  await expect(page.locator('[data-metric="netSales"]')).toHaveAttribute('data-value', '15050');
  await expect(page.locator('[data-metric="canceledOrders"]')).toHaveAttribute('data-value', '1');

  // The same file again: imported again, counted once.
  await page.goto(`${BASE()}/settings`);
  await settled(page);
  await page.getByTestId('import-file').setInputFiles({ name: 'zid-orders.csv', mimeType: 'text/csv', buffer: Buffer.from(ORDERS_CSV, 'utf8') });
  await page.getByTestId('import-check').click();
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await page.goto(`${BASE()}/?preset=custom&from=2024-05-01&to=2024-05-03&compare=none`);
  await settled(page);
  await expect(page.locator('[data-metric="orders"]')).toHaveAttribute('data-value', '2');
  await expect(page.locator('[data-metric="grossSales"]')).toHaveAttribute('data-value', '23050');
  expect(errors).toEqual([]);
  expect(pipelineLog.join('')).not.toContain('"level":50');
});
