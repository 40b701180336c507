// The screens, in both languages and both themes, at a large and a small window, written to
// test-results/screenshots/screens/<width>x<height>/<lang>-<theme>/ — and the layout properties that make them
// readable checked on each: nothing wider than the window, a text column a reader can read, popovers on screen.
import type { Page } from '@playwright/test';
import { apiCall, expect, rows, screenshot, search, test } from './support.js';

const SEED_ID = 'seed/000_5325abadd3a796aa.txt';
const SEED_TITLE = 'بوتين وعلييف يلتقيان في سوتشي';
const SETTINGS_KEY = 'archive-reader.settings.v1';
/** The narrowest text column we accept beside the results at 900 px: about 50 Arabic letters at the default size. */
const MIN_TEXT_WIDTH = 440;

const SIZES = [
  { width: 1400, height: 900 },
  { width: 900, height: 700 },
];
const LOOKS = [
  { lang: 'ar', theme: 'light' },
  { lang: 'ar', theme: 'dark' },
  { lang: 'en', theme: 'light' },
  { lang: 'en', theme: 'dark' },
] as const;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function expectNoHorizontalOverflow(page: Page, where: string): Promise<void> {
  const sizes = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
    scrollX: window.scrollX,
  }));
  expect(sizes.scroll, `${where}: the page is wider than the window`).toBeLessThanOrEqual(sizes.client);
  expect(sizes.scrollX, `${where}: the page is shifted sideways`).toBe(0);
}

/** No two controls of the top bar drawn over each other (a squeezed bar overlaps them without overflowing the page). */
async function expectTopBarUncrowded(page: Page): Promise<void> {
  const boxes = await page.locator('header.topbar').evaluate((bar) =>
    [...bar.querySelectorAll<HTMLElement>('input:not([type="checkbox"]), button, select, label, h1')]
      .filter((el) => el.offsetParent !== null && !el.closest('[role="dialog"]'))
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { name: el.outerHTML.slice(0, 60), x: r.x, y: r.y, width: r.width, height: r.height };
      }),
  );
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
      expect(overlap, `top bar: ${a.name} overlaps ${b.name}`).toBe(false);
    }
  }
}

function expectInsideViewport(box: Box | null, page: Page, what: string): void {
  const vp = page.viewportSize()!;
  expect(box, `${what} is not on screen`).not.toBeNull();
  expect(box!.x, `${what} sticks out on the left`).toBeGreaterThanOrEqual(0);
  expect(box!.y, `${what} sticks out at the top`).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, `${what} sticks out on the right`).toBeLessThanOrEqual(vp.width);
  expect(box!.y + box!.height, `${what} sticks out at the bottom`).toBeLessThanOrEqual(vp.height);
}

/** Characters on the fullest line of the article's text, as laid out (each character's line found from its box). */
async function charactersPerLine(page: Page): Promise<number> {
  return page.locator('article.reader .body').evaluate((body) => {
    const perLine = new Map<number, number>();
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.textContent!.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        const line = Math.round((box.top + box.bottom) / 2 / 8);
        perLine.set(line, (perLine.get(line) ?? 0) + 1);
      }
    }
    return Math.max(...perLine.values());
  });
}

/** Every size in every look, and the smallest window the reader supports (800 px) in one. */
const CASES = [...SIZES.flatMap((size) => LOOKS.map((look) => ({ size, look }))), { size: { width: 800, height: 600 }, look: LOOKS[0] }];

for (const { size, look } of CASES) {
  {
    const dir = `screens/${size.width}x${size.height}/${look.lang}-${look.theme}`;
    test(`screens ${size.width}×${size.height}, ${look.lang}, ${look.theme}: readable and on screen`, async ({ app }) => {
      test.setTimeout(120_000);
      const added = await apiCall<{ id: string }>('addAnnotation', {
        articleId: SEED_ID,
        ...(await spanOf('قوات السلام الروسية')),
        color: 'green',
        note: 'دور قوات حفظ السلام الروسية في قره باغ',
        tags: ['روسيا', 'قره باغ'],
      });
      try {
        await app.setViewportSize(size);
        await app.evaluate(
          ([key, lang, theme]) => localStorage.setItem(key, JSON.stringify({ lang, theme })),
          [SETTINGS_KEY, look.lang, look.theme],
        );
        await app.reload();
        await expect(app.locator('html')).toHaveAttribute('data-theme', look.theme);
        await expect(rows(app).first()).toBeVisible();
        await expectNoHorizontalOverflow(app, 'library');
        await expectTopBarUncrowded(app);
        await screenshot(app, `${dir}/1-library`);

        await search(app, 'person:علييف');
        await expectTopBarUncrowded(app);

        // Results with a name ticked (the facets live in a drawer in a small window).
        await search(app, 'روسيا');
        // Below 1200 px the facets wait in a drawer, out of the way of the results and the reader.
        const drawerToggle = app.locator('button.facets-toggle');
        if (size.width < 1200) {
          await expect(app.locator('nav.facets')).toBeHidden();
          await drawerToggle.click();
        }
        const name = app.locator('nav.facets').getByRole('checkbox', { name: /بوتين/ }).first();
        await name.check();
        await expect(app.locator('section.listing')).toHaveAttribute('data-busy', 'false');
        await expect(rows(app).first()).toBeVisible();
        await expectNoHorizontalOverflow(app, 'results with a name ticked');
        if (size.width < 1200) {
          await screenshot(app, `${dir}/2-facets-drawer`);
          await app.keyboard.press('Escape');
          await expect(app.locator('nav.facets')).toBeHidden();
          await expect(drawerToggle).toBeFocused();
        }
        await screenshot(app, `${dir}/2-results-name-ticked`);

        // The reader beside the results.
        await rows(app).filter({ hasText: SEED_TITLE }).first().click();
        const reader = app.locator('article.reader');
        await expect(reader.locator('h1')).toHaveText(SEED_TITLE);
        await expect(reader.locator('.body p').first()).toBeVisible();
        await expectNoHorizontalOverflow(app, 'reader');
        const text = (await reader.locator('.text').boundingBox())!;
        test.info().annotations.push({ type: 'text column width (px)', description: text.width.toFixed(0) });
        expect(text.width, 'the article text column is too narrow to read').toBeGreaterThanOrEqual(MIN_TEXT_WIDTH);
        expectInsideViewport(await reader.locator('.meta dl').boundingBox().then((b) => b && { ...b, y: 0, height: 1 }), app, 'the metadata line');
        await screenshot(app, `${dir}/3-reader`);

        // The annotation popup stays inside the window (clicked on a name near the edge of the text).
        await reader.locator('.body .annotation').first().click();
        const popup = app.locator('.popup[role="dialog"]');
        await expect(popup).toBeVisible();
        expectInsideViewport(await popup.boundingBox(), app, 'the annotation popup');
        await app.keyboard.press('Escape');
        await expect(popup).toBeHidden();

        // Reading mode: one key, the article alone at a comfortable measure.
        await reader.locator('.body').click({ position: { x: 5, y: 5 } });
        await app.keyboard.press('f');
        await expect(app.locator('main.layout')).toHaveClass(/reading-mode/);
        await expect(app.locator('section.listing')).toBeHidden();
        await expect(reader.getByRole('button', { name: look.lang === 'ar' ? /وضع القراءة/ : /Reading mode/ })).toHaveAttribute('aria-pressed', 'true');
        const perLine = await charactersPerLine(app);
        test.info().annotations.push({ type: 'characters per line in reading mode', description: perLine.toFixed(1) });
        expect(perLine, 'reading mode: characters per line').toBeGreaterThanOrEqual(55);
        expect(perLine, 'reading mode: characters per line').toBeLessThanOrEqual(75);
        await expectNoHorizontalOverflow(app, 'reading mode');
        await screenshot(app, `${dir}/4-reading-mode`);
        await app.keyboard.press('f');
        await expect(app.locator('section.listing')).toBeVisible();

        // The query help popover.
        await app.locator('button[aria-haspopup="dialog"]').click();
        const help = app.locator('.popover[role="dialog"]');
        await expect(help).toBeVisible();
        expectInsideViewport(await help.boundingBox(), app, 'the query help');
        expectInsideViewport(await help.getByRole('button', { name: look.lang === 'ar' ? 'إغلاق' : 'Close' }).boundingBox(), app, "the help's close button");
        await expectNoHorizontalOverflow(app, 'query help');
        await screenshot(app, `${dir}/5-query-help`);
        await app.keyboard.press('Escape');
        await expect(help).toBeHidden();

        // The annotations view.
        await app.locator('button.annotations-toggle').click();
        await expect(app.locator('.annotations-view li.entry').first()).toBeVisible();
        await expectNoHorizontalOverflow(app, 'annotations view');
        await screenshot(app, `${dir}/6-annotations`);
      } finally {
        await apiCall('deleteAnnotation', { id: added.id });
      }
    });
  }
}

async function spanOf(phrase: string): Promise<{ start: number; end: number }> {
  const seed = await apiCall<{ text: string }>('getArticle', { id: SEED_ID });
  const start = seed.text.indexOf(phrase);
  return { start, end: start + phrase.length };
}
