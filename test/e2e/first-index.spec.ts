// The first index of a large folder: its own `serve` on a folder of composed articles, opened at once. The articles
// already read are listed (and open) while indexing runs, under a progress bar with an estimate of the time left.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, rows, screenshot, test } from './support.js';

const REPO = resolve(import.meta.dirname, '../..');
const ARTICLES = 3000;

let work: string;
let server: ChildProcess | null = null;

test.afterEach(async () => {
  server?.kill('SIGTERM');
  server = null;
  await new Promise((r) => setTimeout(r, 300));
  if (work) rmSync(work, { recursive: true, force: true });
});

function writeFolder(dir: string): void {
  const paragraph = 'قال وزير المالية إن الحكومة ستواصل الإصلاحات الاقتصادية خلال العام المقبل، وإن النمو سيتحسن في القطاعات كلها. ';
  for (let i = 0; i < ARTICLES; i++) {
    const sub = join(dir, `d${i % 30}`);
    mkdirSync(sub, { recursive: true });
    const article = { title: `تقرير اقتصادي رقم ${i}`, body: paragraph.repeat(100), source: 'وكالة الاختبار', date: `20${10 + (i % 12)}-03-01` };
    writeFileSync(join(sub, `a${i}.json`), JSON.stringify(article));
  }
}

function startServer(archive: string, cache: string): Promise<string> {
  const child = spawn(process.execPath, [join(REPO, 'bin', 'archive-reader.mjs'), 'serve', archive, '--cache', cache], { stdio: ['ignore', 'pipe', 'pipe'] });
  server = child;
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`serve exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', (line) => resolvePromise(line.trim()));
  });
}

test('during the first index the articles already read are listed, with progress and the time left', async ({ page }) => {
  test.setTimeout(180_000);
  work = mkdtempSync(join(tmpdir(), 'archive-e2e-first-'));
  const archive = join(work, 'archive');
  writeFolder(archive);
  const url = await startServer(archive, join(work, 'cache'));
  await page.goto(url);

  const status = page.locator('section.status');
  await expect(status.locator('progress')).toBeVisible({ timeout: 30_000 });
  // Listed before the index is ready: the progress bar is still there.
  await expect(rows(page).first()).toBeVisible({ timeout: 60_000 });
  await expect(status.locator('progress')).toBeVisible();
  await expect(page.locator('.list-head .count')).not.toHaveText(/^٠/);
  await expect(status.locator('.time-left')).toContainText('يتبقى نحو', { timeout: 60_000 });
  await expect(status.locator('progress')).toBeVisible();
  await screenshot(page, 'first-index-ar-light');

  // A listed article opens while indexing goes on.
  await rows(page).first().click();
  await expect(page.locator('article.reader')).toContainText('وزير المالية');
});
