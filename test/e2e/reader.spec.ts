import { compareFiling, filingKey } from '../../src/analysis/title-order.js';
import { apiCall, expect, rows, screenshot, search, test } from './support.js';

const SEED_TITLE = 'بوتين وعلييف يلتقيان في سوتشي';
const BAKU_TITLE = 'أذربيجان توقع اتفاقا جديدا لتصدير الغاز إلى أوروبا';
const MOSCOW_TITLE = 'قمة ثلاثية في موسكو حول قره باغ';
const MARKUP_TITLE = 'مقال يحتوي على وسوم';

/** Letters only, without hamza forms, for comparing what is marked with a query typed without hamza. */
const bare = (s: string) => s.replace(/[\u064B-\u065F]/g, '').replace(/[أإآ]/g, 'ا');

test('the library lists every article with the indexing summary and the files that failed', async ({ app }) => {
  await expect(app.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(app.locator('html')).toHaveAttribute('lang', 'ar');
  const status = await apiCall<{ articles: number; failed: { path: string }[] }>('getStatus');
  expect(status.articles).toBeGreaterThanOrEqual(11); // the fixture articles + the e2e markup article
  const list = rows(app);
  await expect(list).toHaveCount(status.articles);
  await expect(app.locator('.list-head .count')).toContainText(status.articles.toLocaleString('ar-EG'));
  await expect(app.getByRole('listbox')).toContainText(SEED_TITLE);
  await expect(app.getByRole('listbox')).toContainText(BAKU_TITLE);

  const failed = app.locator('details.failed');
  await expect(failed.locator('summary')).toContainText(status.failed.length.toLocaleString('ar-EG'));
  await expect(failed.locator('li')).toHaveCount(status.failed.length);
  await failed.locator('summary').click();
  await expect(failed).toContainText('bad/broken.json');
  await expect(failed.locator('li[data-code="invalid-json"]').first()).toContainText('ملف JSON غير صالح');
  await expect(failed).toContainText('bad/empty.txt');

  // The bundled Arabic font is the one in use (loaded from our own files, nothing from the network).
  const fontLoaded = await app.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Noto Naskh Arabic' && f.status === 'loaded');
  });
  expect(fontLoaded).toBe(true);

  // Newest first by default; sorting by title files the rows as a reader of Arabic does (title-order.ts).
  await expect(list.first()).toContainText(MARKUP_TITLE);
  await expect(list.nth(1)).toContainText(SEED_TITLE);
  await app.getByLabel('الترتيب حسب').selectOption('title');
  await expect(list.first()).toContainText('اجتماع وزاري عربي في عمّان'); // alef first, أ beside ا
  const titles = await list.locator('.title').allTextContents();
  expect(titles).toEqual([...titles].sort((a, b) => compareFiling(filingKey(a), filingKey(b), a, b)));
  await app.getByRole('button', { name: 'تنازلي' }).or(app.getByRole('button', { name: 'تصاعدي' })).click();
  await expect(list.first()).not.toContainText('اجتماع وزاري عربي في عمّان');
  const descending = await list.locator('.title').allTextContents();
  expect(descending).toEqual([...descending].sort((a, b) => compareFiling(filingKey(b), filingKey(a), b, a)));
  await screenshot(app, 'library-ar-light');
});

test('a query typed without hamza finds the hamza-spelled articles, highlighted', async ({ app }) => {
  await search(app, 'اذربيجان');
  const list = app.getByRole('listbox');
  await expect(list).toContainText(SEED_TITLE);
  await expect(list).toContainText(BAKU_TITLE);
  const seedRow = rows(app).filter({ hasText: SEED_TITLE });
  const marks = seedRow.locator('mark');
  await expect(marks.first()).toBeVisible();
  for (const text of await marks.allTextContents()) expect(bare(text)).toContain('اذربيجان');
  await screenshot(app, 'results-ar-light');
});

test('the reader: right-to-left, hits stepped through, entity types toggled', async ({ app }) => {
  await search(app, 'اذربيجان');
  await rows(app).filter({ hasText: SEED_TITLE }).click();
  const reader = app.locator('article.reader');
  await expect(reader.locator('h1')).toHaveText(SEED_TITLE);

  const page = reader.locator('.page');
  expect(await page.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  const firstParagraph = reader.locator('.body p').first();
  expect(await firstParagraph.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  expect(await firstParagraph.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe('plaintext');
  // Metadata from the seed header.
  await expect(reader.locator('.meta')).toContainText('وكالة الأناضول للأنباء');
  await expect(reader.locator('.meta')).toContainText('موسكو');

  // Every hit is on a hamza spelling of the word; next/previous move the current mark.
  const hits = reader.locator('.body [data-hit]');
  // A hit may be split into several segments where an entity starts inside it: join them by hit number.
  const hitTexts = await reader.locator('.body .hit').evaluateAll((els) => {
    const byHit = new Map<string, string>();
    for (const e of els) byHit.set(e.getAttribute('data-hit')!, (byHit.get(e.getAttribute('data-hit')!) ?? '') + e.textContent);
    return [...byHit.values()];
  });
  const hitCount = hitTexts.length;
  expect(hitCount).toBeGreaterThan(1);
  for (const text of hitTexts) expect(bare(text)).toMatch(/ذربيجان/);
  const current = reader.locator('.body .hit.current');
  await expect(current.first()).toHaveAttribute('data-hit', '0');
  await reader.getByRole('button', { name: 'المطابقة التالية' }).click();
  await expect(current.first()).toHaveAttribute('data-hit', '1');
  await expect(reader.locator('.hit-position')).toContainText('٢');
  await reader.getByRole('button', { name: 'المطابقة السابقة' }).click();
  await expect(current.first()).toHaveAttribute('data-hit', '0');
  await reader.getByRole('button', { name: 'المطابقة السابقة' }).click();
  await expect(current.first()).toHaveAttribute('data-hit', String(hitCount - 1));
  expect(await hits.count()).toBeGreaterThanOrEqual(hitCount);

  // Entity types: the first type that has highlights disappears when toggled off and comes back.
  const toggles = reader.locator('[data-entity-toggle]');
  let toggled = false;
  for (const type of ['PERSON', 'LOCATION', 'ORGANIZATION', 'DATE']) {
    const spans = reader.locator(`.body .entity-${type}`);
    if ((await spans.count()) === 0) continue;
    const toggle = reader.locator(`[data-entity-toggle="${type}"]`);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(spans).toHaveCount(0);
    await toggle.click();
    await expect(spans.first()).toBeVisible();
    toggled = true;
    break;
  }
  expect(toggled, 'the seed article should have at least one highlighted entity').toBe(true);
  await expect(toggles).toHaveCount(4);

  await screenshot(app, 'reader-ar-light');
  await app.getByLabel('المظهر').selectOption('dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(app, 'reader-ar-dark');
  await app.getByLabel('المظهر').selectOption('sepia');
  await screenshot(app, 'reader-ar-sepia');

  // The entity panel lists the names by type; clicking one searches the archive for it.
  const person = reader.locator('.side button.name.type-PERSON').first();
  const name = (await person.textContent())!.trim();
  expect(name.length).toBeGreaterThan(0);
  await person.click();
  const query = `person:"${name}"`;
  await expect(app.locator('#search-input')).toHaveValue(query);
  await expect(app.locator('section.listing')).toHaveAttribute('data-query', query);
  await expect(rows(app).filter({ hasText: SEED_TITLE })).toHaveCount(1);

  // Esc closes the reader.
  await app.keyboard.press('Escape');
  await expect(reader).toHaveCount(0);
});

test('hiding diacritics keeps highlights on the same words', async ({ app }) => {
  await search(app, 'الحكومة');
  await rows(app).filter({ hasText: 'مؤتمر عن اللغة العربية في القاهرة' }).click();
  const body = app.locator('article.reader .body');
  await expect(body).toContainText('الْعِلْمُ');
  const before = await body.locator('.hit').allTextContents();
  expect(before.length).toBeGreaterThan(0);
  await app.getByRole('button', { name: 'إخفاء التشكيل' }).click();
  await expect(body).not.toContainText('الْعِلْمُ');
  await expect(body).toContainText('العلم نور');
  const after = await body.locator('.hit').allTextContents();
  expect(after).toEqual(before.map((t) => t.replace(/[\u064B-\u065F\u0670]/g, '')));
});

test('the UI language switches, and a reload keeps language, theme, query and open article', async ({ app }) => {
  await search(app, 'اذربيجان');
  await rows(app).filter({ hasText: BAKU_TITLE }).click();
  await expect(app.locator('article.reader h1')).toHaveText(BAKU_TITLE);
  await app.getByRole('button', { name: /English/ }).click();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(app.locator('.brand')).toHaveText('Archive Reader');
  // The article itself still reads right-to-left inside the English UI.
  expect(await app.locator('article.reader .page').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
  await app.getByRole('button', { name: 'Larger text' }).click();
  await screenshot(app, 'reader-en-light');
  await app.getByLabel('Theme').selectOption('dark');
  await screenshot(app, 'reader-en-dark');

  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.locator('#search-input')).toHaveValue('اذربيجان');
  await expect(app.locator('article.reader h1')).toHaveText(BAKU_TITLE);
  await expect(app.locator('article.reader .text')).toHaveCSS('font-size', '22px');
  await expect(app.locator('article.reader .body .hit').first()).toBeVisible();
  await screenshot(app, 'results-en-dark');
});

test('markup inside an article is shown as text and never runs', async ({ app }) => {
  // The saved HTML page had scripts: the parser drops them and nothing of them runs or shows.
  await search(app, 'قره باغ');
  await rows(app).filter({ hasText: MOSCOW_TITLE }).click();
  const body = app.locator('article.reader .body');
  await expect(body).toContainText('استضاف الرئيس الروسي فلاديمير بوتين');
  await expect(body).not.toContainText('SCRIPT_MARKER');
  expect(await app.title()).not.toBe('SCRIPT_RAN');
  expect(await app.evaluate(() => (window as unknown as Record<string, unknown>).SCRIPT_MARKER)).toBeUndefined();

  // A plain-text article whose words are tags: visible as characters, no element created, nothing run.
  await app.locator('#search-input').fill('');
  await search(app, 'وسوم');
  await rows(app).filter({ hasText: MARKUP_TITLE }).click();
  await expect(body).toContainText('<script>window.__E2E_SCRIPT_RAN = 1;');
  await expect(body).toContainText('<img src="x" onerror=');
  await expect(body.locator('script, img, b')).toHaveCount(0);
  await app.waitForTimeout(300);
  expect(await app.evaluate(() => (window as unknown as Record<string, unknown>).__E2E_SCRIPT_RAN)).toBeUndefined();
});

test('keyboard: Ctrl+K focuses search, arrows and Enter open an article, Esc closes it', async ({ app }) => {
  await app.locator('.brand').click();
  await app.keyboard.press('Control+k');
  await expect(app.locator('#search-input')).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('listbox')).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(rows(app).nth(1)).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Enter');
  await expect(app.locator('article.reader h1')).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.locator('article.reader')).toHaveCount(0);
  await expect(app.getByRole('listbox')).toBeFocused();
});

test('the query help explains the syntax and its examples run', async ({ app }) => {
  await app.getByRole('button', { name: 'صيغة البحث' }).click();
  const help = app.getByRole('dialog');
  await expect(help).toContainText('عبارة مطابقة');
  // Esc and a click outside close it; the help button opens it again.
  await app.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'صيغة البحث' })).toBeFocused();
  await app.getByRole('button', { name: 'صيغة البحث' }).click();
  await app.locator('.brand').click();
  await expect(help).toHaveCount(0);
  await app.getByRole('button', { name: 'صيغة البحث' }).click();
  await expect(help).toContainText('person:');
  await screenshot(app, 'query-help-ar');
  await help.getByRole('button', { name: '"وزير الخارجية"' }).click();
  await expect(help).toHaveCount(0);
  await expect(app.locator('#search-input')).toHaveValue('"وزير الخارجية"');
});

test('the API refuses a page opened without the token', async ({ page }) => {
  const url = new URL(process.env.ARCHIVE_URL!);
  await page.goto(url.origin + '/');
  await expect(page.getByRole('alert')).toContainText('#token=');
  const status = await page.evaluate(async () => (await fetch('/api/getStatus', { method: 'POST', body: '{}' })).status);
  expect(status).toBe(401);
});

test('partial matches are marked, strictness toggles and facets narrow the results', async ({ app }) => {
  await search(app, 'اذربيجان زرافة');
  await expect(rows(app)).toHaveCount(3);
  await expect(rows(app).locator('.badge.partial')).toHaveCount(3);
  await expect(app.locator('.list-head .count')).toContainText('لا تحتوي أيٌّ منها كل الكلمات'); // none has every word

  await app.locator('#search-input').fill('');
  await search(app, 'اذربيجان');
  await expect(rows(app)).toHaveCount(3);
  // Match hamza: only the article that spells it without hamza, as typed.
  await app.getByLabel('مطابقة الهمزة').check();
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText(BAKU_TITLE);
  await app.getByLabel('مطابقة الهمزة').uncheck();
  await expect(rows(app)).toHaveCount(3);

  // Facets: one source.
  await app.getByRole('group', { name: 'المصادر' }).locator('label').filter({ hasText: 'Reuters' }).locator('input').check();
  await expect(rows(app)).toHaveCount(1);
  await expect(rows(app).first()).toContainText(MOSCOW_TITLE);
  await app.getByRole('button', { name: 'إزالة التصفية' }).click();
  await expect(rows(app)).toHaveCount(3);

  // A malformed query is read anyway, and the UI says how.
  await app.locator('#search-input').fill('');
  await search(app, '"وزير');
  await expect(app.locator('.listing .message[data-code="unclosed-quote"]')).toHaveText(
    'علامة التنصيص الختامية ناقصة: قُرئ باقي البحث عبارةً واحدة.',
  );
});

test('an entity facet narrows the library to the articles naming it', async ({ app }) => {
  const top = await apiCall<{ type: string; text: string; count: number }[]>('topEntities', { limit: 24 });
  const entity = top.find((e) => e.count >= 2 && e.count < 11)!;
  expect(entity, 'the fixture archive names some entity in 2+ articles').toBeDefined();
  const expected = await apiCall<{ total: number }>('listArticles', { limit: 1, filters: { entity: [`${entity.type}:${entity.text}`] } });
  expect(expected.total).toBeGreaterThan(0);
  await app
    .locator(`nav.facets label.entity-${entity.type}`)
    .filter({ has: app.getByText(entity.text, { exact: true }) })
    .locator('input')
    .check();
  await expect(rows(app)).toHaveCount(expected.total);
  await app.getByRole('button', { name: 'إزالة التصفية' }).click();
  await expect(rows(app)).not.toHaveCount(expected.total);
});
