import { type ConsoleMessage, expect, type Page } from '@playwright/test';

/** Console errors and uncaught exceptions of a page, collected while a test runs. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** One click into the demo store, in this language (the login's store language is overridden from the next page on). */
export async function demoLogin(page: Page, baseUrl: string, lang: 'ar' | 'en' = 'ar'): Promise<void> {
  await page.context().addCookies([{ name: 'sa_lang', value: lang, url: baseUrl }]);
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('demo-login').click();
  await page.waitForURL(`${baseUrl}/`);
  await page.context().addCookies([{ name: 'sa_lang', value: lang, url: baseUrl }]);
}

/** Waits until the network is idle and no skeleton is left. */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('[data-slot="skeleton"], .animate-pulse')).toHaveCount(0);
}
