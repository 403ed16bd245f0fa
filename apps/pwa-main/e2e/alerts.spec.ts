import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase } from '@salla-analytics/database-schema';
import { expect, type Page, test } from '@playwright/test';
import { seedFiredAlert } from '../test/support/alert-seed';
import { e2eStack } from './support/e2e-env';
import { demoLogin as login, settled, watchErrors } from './support/pages';

const BASE = () => e2eStack().baseUrl;
const SHOTS = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

const demoLogin = (page: Page, lang: 'ar' | 'en') => login(page, BASE(), lang);

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

type Rule = { id: string; name: string; type: string; threshold: number; baselineWeeks: number; suppressionHours: number; emailEnabled: boolean; enabled: boolean };

test.describe.configure({ mode: 'serial' });
// The browser runs on another clock than the store (Asia/Riyadh): times must follow the store's settings.
test.use({ timezoneId: 'America/Los_Angeles' });

/** An instant as the app shows it (formatted by the browser), in a given zone. */
function shownAt(page: Page, iso: string, locale: string, timeZone: string): Promise<string> {
  return page.evaluate(([i, l, z]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short', timeZone: z }).format(new Date(i)), [iso, locale, timeZone] as const);
}

test('in Arabic: create alert rules, see a fired alert in the bell, the list and the history', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page, 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('link', { name: 'التنبيهات' }).click();
  await page.waitForURL(`${BASE()}/alerts`);
  await expect(page.getByRole('heading', { level: 1, name: 'التنبيهات' })).toBeVisible();
  await settled(page);

  // A revenue drop rule: 40% below the last 3 same weekdays, quiet 12 h after firing, no email.
  await page.getByLabel('نوع التنبيه').selectOption('revenue_drop');
  await page.getByLabel('اسم القاعدة').fill('هبوط مبيعات اليوم');
  await page.getByLabel('نسبة الهبوط (٪)').fill('40');
  await page.getByLabel('أسابيع المقارنة').fill('3');
  await page.getByLabel('إيقاف مؤقت بعد التنبيه (ساعات)').fill('12');
  await page.getByLabel('أرسل بريداً إلى أعضاء المتجر أيضاً').uncheck();
  await shot(page, 'alert-form-ar');
  await page.getByTestId('create-alert').click();
  const drop = page.getByTestId('alert-rule').filter({ hasText: 'هبوط مبيعات اليوم' });
  await expect(drop).toBeVisible();
  await expect(drop.getByTestId('alert-rule-condition')).toHaveText('صافي مبيعات اليوم حتى الآن أقل بـ 40٪ من متوسط آخر 3 أسابيع في اليوم نفسه حتى الساعة نفسها');
  await expect(drop.getByTestId('alert-rule-status')).toHaveText('مفعّلة');

  // A spike rule typed as "2.5 × the usual" is stored as 250% of the baseline.
  await page.getByLabel('نوع التنبيه').selectOption('orders_spike');
  await page.getByLabel('اسم القاعدة').fill('طفرة الطلبات');
  await page.getByLabel('أضعاف المعتاد (×)').fill('2.5');
  await page.getByTestId('create-alert').click();
  await expect(page.getByTestId('alert-rule').filter({ hasText: 'طفرة الطلبات' })).toBeVisible();

  // What the browser saved is exactly what the merchant typed.
  const saved = ((await (await page.request.get(`${BASE()}/api/v1/alerts`)).json()) as { data: Rule[] }).data;
  expect(saved.find((rule) => rule.name === 'هبوط مبيعات اليوم')).toMatchObject({ type: 'revenue_drop', threshold: 40, baselineWeeks: 3, suppressionHours: 12, emailEnabled: false, enabled: true });
  expect(saved.find((rule) => rule.name === 'طفرة الطلبات')).toMatchObject({ type: 'orders_spike', threshold: 250, baselineWeeks: 4, suppressionHours: 24, emailEnabled: true });

  // A wrong threshold is refused with the server's reason, nothing saved.
  await page.getByLabel('نوع التنبيه').selectOption('no_orders');
  await page.getByLabel('عدد الساعات بلا طلبات').evaluate((input: HTMLInputElement) => input.removeAttribute('max'));
  await page.getByLabel('عدد الساعات بلا طلبات').fill('500');
  await page.getByTestId('create-alert').click();
  await expect(page.getByTestId('alert-form').getByRole('alert')).toHaveText('تعذّر حفظ القاعدة. القيمة المسموح بها من 1 إلى 168.');
  expect(((await (await page.request.get(`${BASE()}/api/v1/alerts`)).json()) as { data: Rule[] }).data).toHaveLength(2);

  // The pipeline's evaluator fires the drop rule (recorded as it does): bell, list, history.
  const rule = saved.find((r) => r.name === 'هبوط مبيعات اليوم') as Rule;
  const me = (await (await page.request.get(`${BASE()}/api/v1/me`)).json()) as { data: { store: { merchantId: number } } };
  const db = createDatabase(e2eStack().databaseUrl, { maxConnections: 2 });
  const firedAt = new Date(Date.now() - 3_600_000);
  await seedFiredAlert(db, rule, me.data.store.merchantId, firedAt);
  await db.$disconnect();
  await page.reload();
  await settled(page);
  await expect(page.getByTestId('unread-count')).toHaveText('1');
  // On the store's clock, not the browser's; "once" in Arabic's own singular form.
  const storeTime = await shownAt(page, firedAt.toISOString(), 'ar-SA-u-nu-latn', 'Asia/Riyadh');
  expect(storeTime).not.toBe(await shownAt(page, firedAt.toISOString(), 'ar-SA-u-nu-latn', 'America/Los_Angeles'));
  await expect(drop).toContainText(`آخر تنبيه: ${storeTime} · مرة واحدة`);
  await expect(page.getByTestId('alert-history')).toContainText('هبوط مبيعات اليوم');
  await expect(page.getByTestId('alert-history').locator('time')).toHaveText(storeTime);
  await shot(page, 'alerts-ar');

  await page.getByTestId('notification-bell').click();
  await page.waitForURL(`${BASE()}/notifications`);
  await settled(page);
  await expect(page.getByTestId('notification')).toHaveCount(1);
  await expect(page.getByTestId('notification')).toContainText('جديد');
  await expect(page.getByTestId('notification').locator('time')).toHaveText(storeTime);
  await shot(page, 'notifications-ar');
  await page.getByTestId('mark-all-read').click();
  await expect(page.getByTestId('unread-count')).toHaveCount(0);
  await expect(page.getByTestId('notification')).not.toContainText('جديد');

  // Turning a rule off from the list.
  await page.getByRole('link', { name: 'التنبيهات' }).click();
  await settled(page);
  await drop.getByRole('button', { name: 'إيقاف' }).click();
  await expect(drop.getByTestId('alert-rule-status')).toHaveText('متوقفة');
  // The only error is the refused rule's 400, on purpose.
  expect(errors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});

test('in Arabic: choose the daily summary email in Settings; English pages render too', async ({ page }) => {
  const errors = watchErrors(page);
  await demoLogin(page, 'ar');
  await page.goto(`${BASE()}/settings`);
  await settled(page);
  const card = page.getByTestId('digest-card');
  await expect(card).toContainText('ملخص البريد');
  await card.getByLabel('أرسل لي الملخص').check();
  // The same select control as the store settings card above it.
  await expect(card.locator('[data-slot="select-trigger"]')).toHaveCount(3);
  const choose = async (label: string | RegExp, option: string | RegExp) => {
    await card.getByLabel(label).click();
    await page.getByRole('option', { name: option }).click();
  };
  await choose('التكرار', /^أسبوعي/);
  await choose(/الساعة/, /^7:00\s*ص/);
  await choose('لغة البريد', 'العربية');
  await page.getByTestId('save-digest').click();
  await expect(page.getByText('حُفظ تفضيل الملخص')).toBeVisible();
  const saved = (await (await page.request.get(`${BASE()}/api/v1/digest`)).json()) as { data: Record<string, unknown> };
  expect(saved.data).toMatchObject({ enabled: true, frequency: 'weekly', hour: 7, locale: 'ar', saved: true, timeZone: 'Asia/Riyadh' });
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'settings-digest-ar');

  await page.context().addCookies([{ name: 'sa_lang', value: 'en', url: BASE() }]);
  await page.goto(`${BASE()}/alerts`);
  await settled(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await expect(page.getByTestId('alert-rule').filter({ hasText: 'طفرة الطلبات' }).getByTestId('alert-rule-condition')).toHaveText('Orders in the last hour at 2.5× the usual (last 4 same weekdays)');
  await expect(page.getByTestId('alert-rule').filter({ hasText: 'هبوط مبيعات اليوم' })).toContainText(/Last fired: .+ · once/);
  await shot(page, 'alerts-en');
  expect(errors).toEqual([]);
});
