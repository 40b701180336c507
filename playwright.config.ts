// Browser tests: the real `archive-reader serve` on a copy of the fixture archive (test/e2e/global-setup.ts),
// driven in Debian's Chromium. Never downloads a browser (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1).
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. to check the missing-browser path). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM) && process.env.REQUIRE_BROWSER_TESTS === '1') {
  throw new Error(`REQUIRE_BROWSER_TESTS=1 but Chromium is missing at ${CHROMIUM}: install it (apt-get install chromium)`);
}

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 860 },
    locale: 'ar',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
  },
});
