// The reader's shell around the text: the search field's clear button, skip links, the original link, the
// reading position kept across reloads and reopening, and where an export went.
import type { Page } from '@playwright/test';
import { LINK_ARTICLES } from './global-setup.js';
import { expect, rows, search, test } from './support.js';

const SEED_TITLE = 'بوتين وعلييف يلتقيان في سوتشي';

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

test("the clear button never sits over the query's text, whichever its direction", async ({ app }) => {
  for (const query of ['person:علييف', 'بوتين']) {
    await search(app, query);
    const input = (await app.locator('#search-input').boundingBox())!;
    const clear = (await app.getByRole('button', { name: 'مسح البحث' }).boundingBox())!;
    expect(overlaps(input, clear), `clear button over the text of ${query}`).toBe(false);
    await app.getByRole('button', { name: 'مسح البحث' }).click();
    await expect(app.locator('#search-input')).toHaveValue('');
  }
});

test('a skip link comes first and takes the keyboard to the results, past every facet', async ({ app }) => {
  // Start from the top of the page, as after loading it.
  await app.evaluate(() => {
    const top = document.querySelector<HTMLElement>('.app')!;
    top.tabIndex = -1;
    top.focus();
    top.removeAttribute('tabindex');
  });
  await app.keyboard.press('Tab');
  const skip = app.getByRole('button', { name: 'انتقل إلى النتائج' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await app.keyboard.press('Enter');
  await expect(app.locator('#article-list [role="listbox"]')).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.locator('article.reader h1')).toBeVisible();
});

async function openByTitle(app: Page, title: string): Promise<void> {
  await search(app, title);
  await rows(app).filter({ hasText: title }).first().click();
  await expect(app.locator('article.reader h1')).toHaveText(title);
}

test('the original link: decoded, one line, shortened in the middle, full on hover, opened in a new tab', async ({ app }) => {
  const article = LINK_ARTICLES['e2e/long-address.json'];
  await openByTitle(app, article.title);
  const link = app.locator('article.reader .meta a');
  const full = decodeURI(article.url);
  await expect(link).toHaveAttribute('title', full);
  await expect(link).toHaveAttribute('href', article.url);
  const shown = (await link.textContent())!.trim();
  expect(shown).toContain('…');
  expect(shown.startsWith('https://www.example.org/ar/')).toBe(true);
  expect(shown.endsWith('2423456')).toBe(true);
  expect(shown).not.toContain('%D8');
  const box = (await link.boundingBox())!;
  const lineHeight = await link.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.6);
  expect(box.height, 'the link fits on one line').toBeLessThanOrEqual(lineHeight * 1.5);

  await app.evaluate(() => {
    (window as unknown as { opened: unknown[] }).opened = [];
    window.open = (...args: unknown[]) => {
      (window as unknown as { opened: unknown[] }).opened.push(args);
      return null;
    };
  });
  await link.click();
  expect(await app.evaluate(() => (window as unknown as { opened: unknown[] }).opened)).toEqual([[article.url, '_blank', 'noopener,noreferrer']]);
});

test('an address that is not http(s) or mailto is plain text, never a link', async ({ app }) => {
  const article = LINK_ARTICLES['e2e/unsafe-address.json'];
  await openByTitle(app, article.title);
  await expect(app.locator('article.reader .meta a')).toHaveCount(0);
  await expect(app.locator('article.reader .meta .plain-address')).toHaveText('javascript:alert(1)');
});

/** The data-start of the first paragraph whose box reaches below the reader's sticky head. */
async function paragraphAtTop(app: Page): Promise<number> {
  return app.locator('article.reader').evaluate((reader) => {
    const top = reader.querySelector('.head')!.getBoundingClientRect().bottom;
    const p = [...reader.querySelectorAll<HTMLElement>('.body p')].find((el) => el.getBoundingClientRect().bottom > top + 10);
    return Number(p?.dataset.start ?? -1);
  });
}

test('the reading position comes back after a reload and when the article is opened again', async ({ app }) => {
  await app.setViewportSize({ width: 900, height: 700 });
  await rows(app).filter({ hasText: SEED_TITLE }).first().click();
  const reader = app.locator('article.reader');
  await expect(reader.locator('h1')).toHaveText(SEED_TITLE);
  await reader.evaluate((el) => el.scrollTo({ top: el.scrollHeight * 0.45 }));
  const before = await paragraphAtTop(app);
  expect(before).toBeGreaterThan(0);
  await app.waitForTimeout(600); // the position is recorded after scrolling stops

  await app.reload();
  await expect(reader.locator('h1')).toHaveText(SEED_TITLE);
  await expect.poll(() => paragraphAtTop(app)).toBe(before);

  await app.keyboard.press('Escape');
  await expect(reader).toBeHidden();
  await rows(app).filter({ hasText: SEED_TITLE }).first().click();
  await expect(reader.locator('h1')).toHaveText(SEED_TITLE);
  await expect.poll(() => paragraphAtTop(app)).toBe(before);
});

test('an export says where the file went', async ({ app }) => {
  await app.getByRole('button', { name: 'التعليقات', exact: true }).click();
  const view = app.locator('.annotations-view');
  const [download] = await Promise.all([app.waitForEvent('download'), view.locator('[data-export="csv"]').click()]);
  await expect(view.locator('.exported')).toContainText('حفظه المتصفح في مجلد التنزيلات باسم');
  await expect(view.locator('.exported .path')).toHaveText(download.suggestedFilename());
});

test('in the desktop app an export goes through the save dialog and the full path is shown', async ({ app }) => {
  await app.evaluate(() => {
    const w = window as unknown as { archiveShell: Record<string, unknown>; saved: unknown[] };
    w.saved = [];
    w.archiveShell = {
      pickFolder: async () => null,
      recentArchives: async () => [],
      openExternal: async () => undefined,
      saveExport: async (name: string, content: string) => {
        w.saved.push([name, content.length > 0]);
        return `/home/reader/Documents/${name}`;
      },
    };
  });
  await app.getByRole('button', { name: 'التعليقات', exact: true }).click();
  const view = app.locator('.annotations-view');
  await view.locator('[data-export="md"]').click();
  await expect(view.locator('.exported')).toContainText('حُفظ في');
  await expect(view.locator('.exported .path')).toHaveText(/^\/home\/reader\/Documents\/annotations-\d{4}-\d{2}-\d{2}\.md$/);
  expect(await app.evaluate(() => (window as unknown as { saved: unknown[] }).saved)).toEqual([[expect.stringMatching(/\.md$/), true]]);
});

test('reading mode: F shows the article alone, Esc brings the list back, Ctrl+K goes to the search', async ({ app }) => {
  await rows(app).filter({ hasText: SEED_TITLE }).first().click();
  const reader = app.locator('article.reader');
  await expect(reader.locator('h1')).toHaveText(SEED_TITLE);
  const toggle = reader.getByRole('button', { name: /وضع القراءة/ });
  await expect(toggle).toHaveAttribute('aria-keyshortcuts', 'F');
  await app.keyboard.press('f');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(app.locator('section.listing')).toBeHidden();
  await expect(app.locator('#search-input')).toBeHidden();
  await app.keyboard.press('Escape');
  await expect(app.locator('section.listing')).toBeVisible();
  await expect(reader.locator('h1')).toHaveText(SEED_TITLE);
  // With an Arabic keyboard layout the F key types "ب": the key's position still counts.
  await app.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ب', code: 'KeyF', bubbles: true })));
  await expect(app.locator('section.listing')).toBeHidden();
  await app.keyboard.press('Control+k');
  await expect(app.locator('#search-input')).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});

test('in a narrow window the facets open as a drawer that takes and gives back the keyboard', async ({ app }) => {
  await app.setViewportSize({ width: 900, height: 700 });
  const facets = app.locator('nav.facets');
  await expect(facets).toBeHidden();
  const toggle = app.getByRole('button', { name: 'التصفية' }).first();
  await toggle.click();
  await expect(facets).toBeVisible();
  await expect(app.locator('#facets-drawer').getByRole('button', { name: 'إغلاق' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(facets).toBeHidden();
  await expect(toggle).toBeFocused();
});
