// The Arabic interface, screen by screen: no English word in it (issue 15, items 5-9, 12, 18). Article text,
// titles, sources, paths and query syntax are the user's data or syntax, not interface words: they are marked
// translate="no" (and isolated in <bdi>), and the walk skips them.
import type { Page } from '@playwright/test';
import { apiCall, archiveUrl, expect, rows, screenshot, search, test } from './support.js';

const LATIN_TITLE = 'BBC تنشر تقريرا عن الزراعة المائية في الواحات';
const QUOTED_TITLE = '«الزراعة المائية» تنتشر في الواحات';

/**
 * Interface text with Latin letters or digits: text nodes and the attributes people read (title, aria-label, placeholder,
 * alt), outside translate="no" subtrees and text declared in another language (lang="en"). Key names on keycaps
 * (Ctrl+K, Esc, (N)) are allowed: Arabic keyboards print them in Latin.
 */
async function latinInterfaceText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const LATIN = /\p{Script=Latin}/u;
    const KEYS = /\b(?:Ctrl|Cmd|Esc|Shift|Alt|Enter|Tab)\b(?:\+[A-Z])?|\([A-Z]\)/g;
    const found: string[] = [];
    const where = (el: Element) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''}`;
    const check = (text: string, el: Element, what: string) => {
      // Latin letters, or Latin digits beside the Arabic-Indic ones (one numbering system per interface).
      if (LATIN.test(text.replace(KEYS, '')) || /[0-9]/.test(text)) found.push(`${where(el)} ${what}: ${text.trim().slice(0, 120)}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node instanceof Element ? node : node.parentElement!;
      if (el.closest('[translate="no"], script, style, kbd')) continue; // <kbd>: a key as printed on the keyboard
      // Text declared in another language (the language switch says "English" in English).
      if (el.closest('[lang]')?.getAttribute('lang') !== 'ar') continue;
      if (node instanceof Text) check(node.data, el, 'text');
      else for (const attr of ['title', 'aria-label', 'placeholder', 'alt']) {
        // In attributes, the user's text and query syntax are isolated (U+2066/U+2068 … U+2069) instead of marked.
        const v = (node as Element).getAttribute(attr)?.replace(/[\u2066\u2068][^\u2069]*\u2069/g, '');
        if (v) check(v, node as Element, attr);
      }
    }
    return found;
  });
}

async function expectArabicOnly(page: Page, screen: string): Promise<void> {
  expect(await latinInterfaceText(page), `Latin interface text on the ${screen} screen`).toEqual([]);
}

test('every screen of the Arabic interface is in Arabic: library, failures, results, messages, help, reader, annotations', async ({
  app,
}) => {
  // User data in Latin letters (a note, a tag, a title, a source) must not count as interface text.
  const annotation = await apiCall<{ id: string }>('addAnnotation', {
    articleId: 'e2e/latin-title.txt',
    start: 0,
    end: 4,
    note: 'BBC report on hydroponics',
    tags: ['hydroponics'],
  });
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(rows(app).first()).toBeVisible();
  await expectArabicOnly(app, 'library');

  await app.locator('details.failed summary').click();
  await expect(app.locator('details.failed li').first()).toBeVisible();
  await expectArabicOnly(app, 'index failures');

  await search(app, 'الزراعة المائية');
  await expect(rows(app).first()).toBeVisible();
  await expectArabicOnly(app, 'search results');

  // Queries the engine had to read in a particular way: the reason is said in Arabic.
  for (const [query, code] of [
    ['في', 'only-common-words'],
    ['"وزير', 'unclosed-quote'],
    ['الزراعة -', 'lone-operator'],
    ['الزراعة title:', 'field-needs-word'],
    ['الزراعة after:أمس', 'date-needs-value'],
  ] as const) {
    await app.locator('#search-input').fill('');
    await search(app, query);
    await expect(app.locator(`.listing .message[data-code="${code}"]`)).toBeVisible();
    await expectArabicOnly(app, `message ${code}`);
  }
  await app.locator('#search-input').fill('');
  await search(app, 'في');
  // "Nothing to search for" replaces "no article matches" instead of contradicting it.
  await expect(app.locator('.empty h2')).toHaveText('لا شيء يُبحث عنه: كلمات البحث كلها كلمات شائعة (مثل «في» و«من»).');
  await expect(app.getByText('لا توجد مقالة تطابق هذا البحث.')).toHaveCount(0);
  await expectArabicOnly(app, 'empty results help');
  await screenshot(app, 'arabic-ui-nothing-to-search');

  await app.getByRole('button', { name: 'صيغة البحث' }).click();
  await expect(app.getByRole('dialog', { name: 'صيغة البحث' })).toBeVisible();
  await expectArabicOnly(app, 'query help');
  await app.keyboard.press('Escape');

  await app.locator('#search-input').fill('');
  await search(app, 'الزراعة');
  await rows(app).filter({ hasText: LATIN_TITLE }).click();
  await expect(app.locator('.reader-pane h1')).toBeVisible();
  await expectArabicOnly(app, 'reader');

  // The annotation popup, on a selected word.
  await app.evaluate(() => {
    const body = document.querySelector('article.reader .body')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const text = walker.nextNode() as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(5, text.data.length));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await app.getByRole('button', { name: 'التعليق على التحديد' }).click();
  await expect(app.getByRole('dialog', { name: 'تعليق' })).toBeVisible();
  await expectArabicOnly(app, 'annotation popup');
  await app.keyboard.press('Escape');

  await app.getByRole('button', { name: 'التعليقات', exact: true }).click();
  await expect(app.locator('.annotations-view')).toBeVisible();
  await expectArabicOnly(app, 'annotations');
  await apiCall('deleteAnnotation', { id: annotation.id });
});

test('the refused-token page is in Arabic, its command and address isolated left to right', async ({ page }) => {
  const url = new URL(archiveUrl());
  await page.goto(`${url.origin}/`);
  const fatal = page.locator('.fatal');
  await expect(fatal).toContainText('فُتحت هذه الصفحة دون مفتاح الدخول');
  await expect(fatal.locator('bdi[dir="ltr"]')).toHaveText(['archive-reader serve', '#token=…']);
  await expectArabicOnly(page, 'no token');
  await screenshot(page, 'arabic-ui-no-token');

  await page.goto('about:blank');
  await page.goto(`${url.origin}/#token=wrong0token`);
  await expect(page.locator('.fatal')).toContainText('لم يقبل خادم الأرشيف مفتاح الدخول');
  await expectArabicOnly(page, 'wrong token');
});

test('counts take the Arabic plural forms and one numbering system, Latin digits on request', async ({ app }) => {
  await search(app, 'الواحات');
  await expect(app.locator('.list-head .count')).toHaveText('نتيجتان (اثنتان منها تحتويان كل الكلمات)');
  await app.locator('#search-input').fill('');
  await search(app, 'البريطانية');
  await expect(app.locator('.list-head .count')).toHaveText('نتيجة واحدة (واحدة منها تحتوي كل الكلمات)');
  const years = app.getByRole('group', { name: 'السنوات' });
  await expect(years).toContainText('٢٠٢٠');
  await expect(years).not.toContainText('2020');

  await app.locator('#digits-select').selectOption({ label: '123' });
  await expect(years).toContainText('2020');
  await expect(rows(app).first().locator('time')).toContainText('2020');
  await app.locator('#search-input').fill('');
  await search(app, 'الواحات');
  await expect(app.locator('.list-head .count')).toHaveText('نتيجتان (اثنتان منها تحتويان كل الكلمات)');
  await app.locator('#search-input').fill('');
  await expect(app.locator('.status .muted').first()).toHaveText(/^\d+ /);
  await app.locator('#digits-select').selectOption({ label: '١٢٣' });
  await expect(app.locator('.status .muted').first()).toHaveText(/^[٠-٩]+ مقالة$/);
});

test('the query examples read as typed: field syntax left to right, isolated', async ({ app }) => {
  await search(app, 'كلمةلاتوجدابدا');
  const example = app.locator('.empty .chip').filter({ hasText: 'title:' }).locator('bdi');
  await expect(example).toHaveAttribute('dir', 'ltr');
  // Left to right: "title:" is drawn to the left of the Arabic word.
  const box = await example.evaluate((el) => {
    const range = document.createRange();
    const text = el.firstChild!;
    range.setStart(text, 0);
    range.setEnd(text, 'title:'.length);
    const field = range.getBoundingClientRect();
    range.setStart(text, 'title:'.length);
    range.setEnd(text, (text.textContent ?? '').length);
    return { field: field.left, word: range.getBoundingClientRect().left };
  });
  expect(box.field).toBeLessThan(box.word);
  await screenshot(app, 'arabic-ui-query-examples');
});

test('title search hits are highlighted in the title; titles are filed ignoring quotes', async ({ app }) => {
  await search(app, 'تنتشر');
  const row = rows(app).filter({ hasText: QUOTED_TITLE });
  await expect(row.locator('.title mark')).toHaveText(['تنتشر']);

  await app.locator('#search-input').fill('');
  await app.getByLabel('الترتيب حسب').selectOption('title');
  const titles = await rows(app).locator('.title').allTextContents();
  expect(titles[0], 'a quoted title is not filed first').not.toBe(QUOTED_TITLE);
  expect(titles.indexOf(QUOTED_TITLE)).toBeGreaterThan(titles.findIndex((t) => t.startsWith('أذربيجان')));
});

test('rows stay aligned to the interface; each title keeps its own direction', async ({ app }) => {
  // Arabic UI: a title that starts with a Latin word is still aligned right, like the others.
  await search(app, 'الواحات');
  const latinRow = rows(app).filter({ hasText: LATIN_TITLE });
  const edges = async () =>
    latinRow.evaluate((row) => {
      const title = row.querySelector('.title bdi')!.getBoundingClientRect();
      const meta = row.querySelector('.meta > :first-child')!.getBoundingClientRect();
      const box = row.getBoundingClientRect();
      return { titleLeft: title.left - box.left, titleRight: box.right - title.right, metaLeft: meta.left - box.left, metaRight: box.right - meta.right };
    });
  const ar = await edges();
  expect(Math.abs(ar.titleRight - ar.metaRight)).toBeLessThan(4);

  // English UI: an Arabic title sits at the left edge, with its source and date line.
  await app.getByRole('button', { name: /English/ }).click();
  await expect(app.locator('html')).toHaveAttribute('dir', 'ltr');
  const arabicRow = rows(app).filter({ hasText: QUOTED_TITLE });
  const en = await arabicRow.evaluate((row) => {
    const title = row.querySelector('.title bdi')!.getBoundingClientRect();
    const meta = row.querySelector('.meta > :first-child')!.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    return { titleLeft: title.left - box.left, metaLeft: meta.left - box.left };
  });
  expect(Math.abs(en.titleLeft - en.metaLeft)).toBeLessThan(4);
  await screenshot(app, 'english-ui-rows-aligned');
});
