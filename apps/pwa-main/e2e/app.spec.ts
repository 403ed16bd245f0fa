import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { addLocalDays, addLocalMonths, toLocalDate } from '@salla-analytics/core-library';
import { expect, type Page, test } from '@playwright/test';
import { adminOverview } from './support/admin-overview';
import { e2eStack } from './support/e2e-env';
import { settled, watchErrors } from './support/pages';

const BASE = () => e2eStack().baseUrl;
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');
const PAGES = [
  ['overview', '/'],
  ['sales', '/sales'],
  ['products', '/products'],
  ['customers', '/customers'],
  ['carts', '/carts'],
  ['settings', '/settings'],
] as const;
const DEMO = 900_001;

async function demoLogin(page: Page): Promise<void> {
  await page.goto(`${BASE()}/login`);
  await page.getByTestId('demo-login').click();
  await page.waitForURL(`${BASE()}/`);
}

test.describe.configure({ mode: 'serial' });

test('demo login opens the Overview, whose KPIs equal `pnpm admin overview` for the same range', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('store-name')).toContainText('Demo Store');

  // Last complete month in the store's zone, as a shared link would carry it.
  const today = toLocalDate(new Date(), 'Asia/Riyadh');
  const from = addLocalMonths(`${today.slice(0, 7)}-01`, -1);
  const to = addLocalDays(`${today.slice(0, 7)}-01`, -1);
  await page.goto(`${BASE()}/?preset=custom&from=${from}&to=${to}&compare=previous_period`);
  await settled(page);

  const cli = adminOverview(e2eStack().clickhouseUrl, DEMO, from, to);
  expect(cli.metrics.orders?.value).toBeGreaterThan(0);
  for (const key of ['netSales', 'orders', 'aov', 'uniqueCustomers', 'grossSales', 'canceledOrders', 'refundedOrders']) {
    const metric = cli.metrics[key];
    if (!metric) throw new Error(`CLI printed no ${key}`);
    const card = page.locator(`[data-metric="${key}"]`);
    await expect(card, key).toHaveAttribute('data-value', String(metric.value));
    // The number the merchant reads is the same value, formatted (Latin digits by default).
    const shown = metric.unit === 'minor_units'
      ? (metric.value / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : metric.value.toLocaleString('en-US');
    await expect(card, key).toContainText(shown);
  }
  expect(errors).toEqual([]);
});

for (const lang of ['ar', 'en'] as const) {
  test(`every page renders without console errors (${lang}), screenshots saved`, async ({ page, context }) => {
    mkdirSync(SHOTS, { recursive: true });
    const errors = watchErrors(page);
    await context.addCookies([{ name: 'sa_lang', value: lang, url: BASE() }]);
    await demoLogin(page);
    for (const [name, path] of PAGES) {
      await page.goto(`${BASE()}${path}`);
      await settled(page);
      await expect(page.locator('h1').first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('main [role="alert"]')).toHaveCount(0); // no error state (Next's route announcer is an alert too)
      await page.waitForTimeout(300); // chart animations are off; let fonts settle
      await page.screenshot({ path: join(SHOTS, `${name}-${lang}.png`), fullPage: true });
    }
    await context.clearCookies({ name: 'sa_session' });
    await page.goto(`${BASE()}/login`);
    await settled(page);
    await page.screenshot({ path: join(SHOTS, `login-${lang}.png`) });
    expect(errors).toEqual([]);
  });
}

test('switching language flips dir, lang and number/currency formats', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page);
  await page.goto(`${BASE()}/?preset=last_month&compare=none`);
  await settled(page);
  const net = page.locator('[data-metric="netSales"]');
  await expect(net).toContainText('ر.س');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('نظرة عامة');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await settled(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overview');
  await expect(net).toContainText('SAR');
  await expect(net).not.toContainText('ر.س');
  // The period stayed in the URL across the switch.
  expect(new URL(page.url()).searchParams.get('preset')).toBe('last_month');

  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(errors).toEqual([]);
});

test('the period lives in the URL and follows navigation', async ({ page }) => {
  await demoLogin(page);
  await page.goto(`${BASE()}/?preset=last_7_days&compare=previous_year`);
  await settled(page);
  await page.getByRole('link', { name: 'المبيعات' }).click();
  await page.waitForURL(/\/sales\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('preset')).toBe('last_7_days');
  expect(url.searchParams.get('compare')).toBe('previous_year');
  await expect(page.getByRole('button', { name: /آخر 7 أيام/ })).toBeVisible();
});

test('the service worker controls the page, and an offline reload shows the cached dashboard', async ({ page, context }) => {
  const errors = watchErrors(page);
  await demoLogin(page);
  await page.goto(`${BASE()}/?preset=last_30_days`);
  await settled(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // clients.claim() hands this page to the worker; a reload makes every request go through it.
  await page.reload();
  await settled(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
  const online = await page.locator('[data-metric="netSales"]').getAttribute('data-value');
  expect(Number(online)).toBeGreaterThan(0);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toBeVisible();
  await expect(page.locator('[data-metric="netSales"]')).toHaveAttribute('data-value', online as string);
  await expect(page.getByTestId('store-name')).toContainText('Demo Store');
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByTestId('offline-banner')).toHaveCount(0);
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(e))).toEqual([]);
});

test('logout ends the session', async ({ page }) => {
  await demoLogin(page);
  await page.getByRole('button', { name: 'تسجيل الخروج' }).click();
  await page.waitForURL(`${BASE()}/login`);
  const response = await page.request.get(`${BASE()}/api/v1/overview`);
  expect(response.status()).toBe(401);
  await page.goto(`${BASE()}/`);
  await page.waitForURL(`${BASE()}/login`);
});

test('pages carry a nonce CSP that forbids framing, and the static security headers', async ({ request }) => {
  const response = await request.get(`${BASE()}/login`);
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'strict-dynamic'");
  expect(csp).not.toContain('unsafe-eval');
  // Next puts the same nonce on its scripts.
  expect(await response.text()).toContain(`nonce="${nonce}"`);
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  // A second request gets a fresh nonce.
  const again = (await request.get(`${BASE()}/login`)).headers()['content-security-policy'];
  expect(again).not.toBe(csp);
});
