import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Each test gets a page on the real server, with a fresh localStorage, collecting page errors,
 * dialogs and Content-Security-Policy violations (all of which fail the test).
 */
export const test = base.extend<{ browser_available: void; app: Page; problems: string[] }>({
  // Runs first for every test: without Chromium the test fails under REQUIRE_BROWSER_TESTS=1, else skips.
  browser_available: [
    async ({}, use, testInfo) => {
      if (!existsSync(CHROMIUM)) {
        if (process.env.REQUIRE_BROWSER_TESTS === '1') throw new Error(`Chromium is missing at ${CHROMIUM}`);
        testInfo.skip(true, `Chromium not installed at ${CHROMIUM} (apt-get install chromium); REQUIRE_BROWSER_TESTS=1 makes this a failure`);
      }
      await use();
    },
    { auto: true },
  ],
  problems: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, problems }, use) => {
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (msg) => {
      if (/Content Security Policy|Refused to/i.test(msg.text())) problems.push(`CSP: ${msg.text()}`);
    });
    // Offline: the page loads nothing but its own origin (fonts included).
    const origin = new URL(archiveUrl()).origin;
    page.on('request', (req) => {
      if (!req.url().startsWith(origin + '/') && !req.url().startsWith('data:')) problems.push(`network: ${req.url()}`);
    });
    await page.goto(archiveUrl());
    await expect(page.locator('#search-input')).toBeVisible({ timeout: 30_000 });
    await use(page);
    expect(problems).toEqual([]);
  },
});

export function archiveUrl(): string {
  const url = process.env.ARCHIVE_URL;
  if (!url) throw new Error('ARCHIVE_URL is not set: the global setup did not start the server');
  return url;
}

/** Calls the server's API directly (as the page would), to compare the UI with what the engine says. */
export async function apiCall<T>(method: string, arg?: unknown): Promise<T> {
  const url = new URL(archiveUrl());
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.hash.replace('#token=', '')}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(arg === undefined ? {} : { arg }),
  });
  const body = (await res.json()) as { result?: T; error?: string };
  if (!res.ok) throw new Error(`${method}: ${body.error}`);
  return body.result as T;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(SCREENSHOTS, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  return path;
}

/** Types a query the way a person does and waits for the result count to settle. */
export async function search(page: Page, query: string): Promise<void> {
  await page.keyboard.press('Control+k');
  await expect(page.locator('#search-input')).toBeFocused();
  await page.keyboard.type(query, { delay: 20 });
  const listing = page.locator('section.listing');
  await expect(listing).toHaveAttribute('data-query', query);
  await expect(listing).toHaveAttribute('data-busy', 'false');
}

/** The rows of the article list (library or results); not the options of the page's <select>s. */
export function rows(page: Page) {
  return page.locator('#article-list [role="option"]');
}

export { expect };
