import { defineConfig } from '@playwright/test';

// Browser tests against the production build (`next build` + `next start`) on real engines.
// Debian's Chromium, never `playwright install`.
export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Bounded: the whole suite stops after 10 minutes whatever happens.
  globalTimeout: 600_000,
  reporter: [['list']],
  outputDir: '.playwright/results',
  use: {
    viewport: { width: 1280, height: 900 },
    locale: 'ar-SA',
    timezoneId: 'Asia/Riyadh',
    serviceWorkers: 'allow',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
